/** Zoom step of the buttons and the + and − keys. */
export const ZOOM_STEP = 1.5;

interface KeyboardOptions {
  size: { width: number; height: number };
  zoomAt: (sx: number, sy: number, factor: number, interactive: boolean) => void;
  panBy: (dx: number, dy: number) => void;
  fitView: () => void;
  selected: number | null;
  onSelect: (index: number | null) => void;
  onOpen: (index: number) => void;
}

/** Keys on the focused canvas: + and − zoom, 0 or Home fits, arrows pan (Shift: further), Enter opens, Escape deselects. */
export function useGraphKeyboard({ size, zoomAt, panBy, fitView, selected, onSelect, onOpen }: KeyboardOptions) {
  return (event: React.KeyboardEvent<HTMLCanvasElement>) => {
    const step = event.shiftKey ? 240 : 60;
    const { width, height } = size;
    const handled = (() => {
      switch (event.key) {
        case '+':
        case '=':
          zoomAt(width / 2, height / 2, ZOOM_STEP, false);
          return true;
        case '-':
        case '_':
          zoomAt(width / 2, height / 2, 1 / ZOOM_STEP, false);
          return true;
        case '0':
        case 'Home':
          fitView();
          return true;
        case 'ArrowLeft':
          panBy(step, 0);
          return true;
        case 'ArrowRight':
          panBy(-step, 0);
          return true;
        case 'ArrowUp':
          panBy(0, step);
          return true;
        case 'ArrowDown':
          panBy(0, -step);
          return true;
        case 'Enter':
          if (selected === null) return false;
          onOpen(selected);
          return true;
        case 'Escape':
          if (selected === null) return false;
          onSelect(null);
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };
}
