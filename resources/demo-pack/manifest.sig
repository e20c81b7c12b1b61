{"format":1,"keyId":"demo-2026","signature":"cYUYWV1sm/3bwNrj6OJ0WcmV+MrXoVVamwAe/8r/MgjxRyaFBo+eMZCGHEpkZ94oJGva9cWoCW8M3WbebNbEAA=="}
