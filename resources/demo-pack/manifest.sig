{"format":1,"keyId":"demo-2026","signature":"XuWnMaTnzju8bw1SL9JYenE7tFjWf4gCOy8w86qASrlXJb78AaI9ah3riLU7b/199e3oyRSPG3WWW5yVZ122Ag=="}
