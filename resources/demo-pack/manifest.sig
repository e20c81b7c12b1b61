{"format":1,"keyId":"demo-2026","signature":"lQnNNmZ9W3jLfb/kbekbuBoZF+IVkQRPtaR4DLTd93U6ZkFJoV5SiTynwUacPnIDCxEM8F/uYwkGdUDoRgYjBg=="}
