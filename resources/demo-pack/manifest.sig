{"format":1,"keyId":"demo-2026","signature":"KoW6dKTM6BgYbgYvaFzspd0770YLHwyH+FiiL3CjvsWt+KUrSafugGfdHBOiCLeGZLfi8Kdtf6wysRnEN6TPAQ=="}
