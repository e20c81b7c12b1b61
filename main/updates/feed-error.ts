/** Why a feed or a download was refused: the contract's codes (`feedProblemCodes`), which staff see in words. */
import type { FeedProblemCode } from '../../preload/contract/updates.ts';

export class FeedError extends Error {
  readonly code: FeedProblemCode;
  constructor(code: FeedProblemCode, message: string) {
    super(message);
    this.name = 'FeedError';
    this.code = code;
  }
}
