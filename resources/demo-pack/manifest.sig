{"format":1,"keyId":"demo-2026","signature":"krCfYyE7OUe+6weBxCcbWVIDxiAWqqqfXztDap86kHZSrnquUki5/IsvGFpLpSKZHAVCT8vCoYSgdSgs4DOIBw=="}
