import { Button } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { ErrorMessage } from '../components/Feedback';
import { downloadXlsx, type Cell } from './xlsx';

/** «Выгрузить в Excel»: the list as the filters show it, one row per item, as an .xlsx file. */
export function ExportButton({ fileName, sheetName, header, rows, id }: { fileName: string; sheetName: string; header: string[]; rows: () => Promise<Cell[][]>; id?: string }) {
  const exported = useMutation({ mutationFn: async () => downloadXlsx(fileName, sheetName, header, await rows()) });
  return (
    <>
      <Button id={id} view="outlined" loading={exported.isPending} onClick={() => exported.mutate()}>
        Выгрузить в Excel (.xlsx)
      </Button>
      {exported.isError && <ErrorMessage error={exported.error} />}
    </>
  );
}
