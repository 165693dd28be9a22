import { Button, Dialog, type ButtonProps } from '@gravity-ui/uikit';
import { useId, useState, type ReactNode } from 'react';

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
  const captionId = useId();
  return (
    <>
      <Button id={id} view={view} loading={loading} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} size="s" aria-labelledby={captionId}>
        <Dialog.Header caption="Подтвердите действие" id={captionId} />
        <Dialog.Body>{question}</Dialog.Body>
        <Dialog.Footer
          textButtonApply={confirm}
          textButtonCancel="Отмена"
          onClickButtonCancel={() => setOpen(false)}
          onClickButtonApply={() => {
            setOpen(false);
            onConfirm();
          }}
        />
      </Dialog>
    </>
  );
}
