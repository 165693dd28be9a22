/** One page of the client: its element and what to stop (timers) when the person leaves it. */
export interface View {
  title: string;
  element: HTMLElement;
  dispose?: () => void;
}
