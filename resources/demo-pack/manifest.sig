{"format":1,"keyId":"demo-2026","signature":"2u3msBRFAfH9SeeIDrlDhKklY0/fDR1BUbrhmNRcfT8xpXNzjg1ykG6VcrI069MeLEladmhlrBtcJHlYwOr5BQ=="}
