{"format":1,"keyId":"demo-2026","signature":"GXaRiZrXQPpM+p3WtnF6lE2ZE/I9KN/T34SDtiz8CTZP4tcpPFMcnPzlgIlel55ifCPxLWoDM36NDAaZIhFMAw=="}
