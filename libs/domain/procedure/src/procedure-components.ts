import type { ProcedureComponentV1 } from '@lienthong/contracts';
import { countOf, itemsAt, RecordItem, textOf } from './national-record';

const formOf = (attachment: RecordItem) => ({ fileName: textOf(attachment.fileName), path: textOf(attachment.filePath) });

/** The papers listed in a profileComponents field, with the forms attached to each. */
export function componentsAt(holder: RecordItem): ProcedureComponentV1[] {
  return itemsAt(holder, 'profileComponents').map((paper) => {
    const code = textOf(paper.code);
    return {
      ...(code ? { code } : {}),
      name: textOf(paper.name),
      originals: countOf(paper.originalQty),
      copies: countOf(paper.copyQty),
      required: paper.required === true,
      electronicForm: paper.hasElectronicForm === true,
      forms: itemsAt(paper, 'attachments').map(formOf).filter((form) => form.fileName && form.path),
    };
  });
}
