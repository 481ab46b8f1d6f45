import { useEffect } from 'preact/hooks';

/**
 * Runs `tick` now and every `ms` while the component is mounted (the popup follows the tab as it
 * changes). `tick` is told whether the component is still mounted when its answer arrives, so a
 * late answer never updates an unmounted view. Restarts when `deps` change.
 */
export function usePolling(tick: (isLive: () => boolean) => Promise<void>, ms: number, deps: unknown[]): void {
  useEffect(() => {
    let live = true;
    const isLive = () => live;
    const run = () => void tick(isLive);
    run();
    const timer = setInterval(run, ms);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [ms, ...deps]);
}
