import { Button, Dialog, type ButtonProps } from '@gravity-ui/uikit';
import { useId, useState, type ReactNode } from 'react';

/** The question before an irreversible step, in the kit's dialog (never the browser's own `confirm`). */
export function ConfirmDialog({ open, question, confirm, onConfirm, onClose }: { open: boolean; question: ReactNode; confirm: string; onConfirm: () => void; onClose: () => void }) {
  const captionId = useId();
  return (
    <Dialog open={open} onClose={onClose} size="s" aria-labelledby={captionId}>
      <Dialog.Header caption="Подтвердите действие" id={captionId} />
      <Dialog.Body>{question}</Dialog.Body>
      <Dialog.Footer
        textButtonApply={confirm}
        textButtonCancel="Отмена"
        onClickButtonCancel={onClose}
        onClickButtonApply={() => {
          onClose();
          onConfirm();
        }}
      />
    </Dialog>
  );
}

/** A button for an irreversible step (sign, close a period early): it asks first, naming what will happen. */
export function ConfirmButton({
  children,
  question,
  confirm,
  onConfirm,
  loading,
  view = 'action',
  id,
}: {
  children: ReactNode;
  question: ReactNode;
  confirm: string;
  onConfirm: () => void;
  loading?: boolean;
  view?: ButtonProps['view'];
  id?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button id={id} view={view} loading={loading} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <ConfirmDialog open={open} question={question} confirm={confirm} onConfirm={onConfirm} onClose={() => setOpen(false)} />
    </>
  );
}
