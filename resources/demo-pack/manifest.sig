{"format":1,"keyId":"demo-2026","signature":"mDb8adD5yohwRQ5KfyHa8A5vvg+t65hlqD7Bq9CQoN12HPC0k2CuAalwV9w2xaoyAhVlwGKxoIjy4EJ8IUJ7Ag=="}
