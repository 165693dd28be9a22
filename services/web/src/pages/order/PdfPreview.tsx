import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../api/api-error';
import { Loading } from '../../components/Feedback';

// The worker is one of the client's own files under /assets (the CSP allows scripts from the page's origin only).
GlobalWorkerOptions.workerSrc = workerUrl;

/** Pages are drawn this wide (the panel beside the decision form at 1366 px), sharp on a high-density screen. */
const WIDTH = 600;

/**
 * A stored PDF drawn into the page, page by page: the gateway forbids framing any of its answers (CSP
 * `frame-ancestors 'none'`), so the draft cannot be shown in an iframe beside the decision form. Loaded only with
 * the order card that needs it (its own chunk).
 */
export default function PdfPreview({ url, title }: { url: string; title: string }) {
  const pages = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ loading: boolean; error: string | null; count: number }>({ loading: true, error: null, count: 0 });
  useEffect(() => {
    let cancelled = false;
    let pdf: PDFDocumentProxy | null = null;
    const task = getDocument({ url, isEvalSupported: false, withCredentials: true });
    const draw = async () => {
      pdf = await task.promise;
      const container = pages.current;
      if (!container) return;
      container.replaceChildren();
      for (let number = 1; number <= pdf.numPages && !cancelled; number++) {
        const page = await pdf.getPage(number);
        const viewport = page.getViewport({ scale: (WIDTH / page.getViewport({ scale: 1 }).width) * window.devicePixelRatio });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.style.width = '100%';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `${title}: страница ${number} из ${pdf.numPages}`);
        container.append(canvas);
        await page.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
      }
      if (!cancelled) setState({ loading: false, error: null, count: pdf.numPages });
    };
    draw().catch((error: unknown) => !cancelled && setState({ loading: false, error: errorText(error), count: 0 }));
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [url, title]);
  return (
    <>
      {state.loading && <Loading text="Отрисовка страниц PDF…" />}
      {state.error && <p className="field-error">{`PDF не показан: ${state.error}`}</p>}
      <div ref={pages} className="pdf-pages" tabIndex={0} role="region" aria-label={`${title}${state.count ? `, страниц: ${state.count}` : ''}`} />
    </>
  );
}
