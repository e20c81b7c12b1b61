/** Every quiz item in the catalog, for staff to choose a contest's quizzes from: the catalog lists all kinds, a page at a time. */
import type { ItemSummary } from '../../preload/contract/catalog.ts';
import type { CallName, CallRequest, CallResponse } from '../../preload/contract/contract.ts';
import type { Locale } from '../../preload/contract/schemas.ts';

type Call = <K extends CallName>(name: K, request: CallRequest<K>) => Promise<CallResponse<K>>;

const pageSize = 100;

export async function quizItems(call: Call, locale: Locale): Promise<ItemSummary[]> {
  const quizzes: ItemSummary[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await call('catalog.list', { locale, page: { offset, limit: pageSize } });
    quizzes.push(...page.items.filter((item) => item.kind === 'quiz'));
    if (page.items.length < pageSize || offset + pageSize >= page.total) return quizzes;
  }
}
