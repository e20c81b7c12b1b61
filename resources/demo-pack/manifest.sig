{"format":1,"keyId":"demo-2026","signature":"VWPkm7/hnusyiSHL0t6k89C+q151cGelPny+FsnE+oLgtun7pMdrTOdPIuk3wf7py7F7FEYdrbzNlnslWkVRDQ=="}
