import { useCallback, useEffect, useRef, useState } from 'react';
import { api, asApiError, type ApiError } from '../../../api';
import type { RoomSnapshot } from '../../../../common/schemas/workshops.js';

/**
 * The room's snapshot, kept live: an EventSource on the room's event stream (it reconnects by itself)
 * triggers a re-read of the snapshot; bursts of events while a read runs collapse into one more read.
 */
export function useLiveRoom(slug: string, workshopId: string) {
  const [room, setRoom] = useState<RoomSnapshot | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [live, setLive] = useState(false);
  const reading = useRef(false);
  const again = useRef(false);

  const read = useCallback(async () => {
    if (reading.current) {
      again.current = true;
      return;
    }
    reading.current = true;
    try {
      do {
        again.current = false;
        setRoom(await api.GET('/api/regions/{slug}/workshops/{workshopId}/room', { params: { path: { slug, workshopId } } }));
        setError(undefined);
      } while (again.current);
    } catch (thrown) {
      setError(asApiError(thrown));
    } finally {
      reading.current = false;
    }
  }, [slug, workshopId]);

  useEffect(() => {
    void read();
    const source = new EventSource(`/api/regions/${encodeURIComponent(slug)}/workshops/${encodeURIComponent(workshopId)}/events`);
    const onEvent = () => {
      setLive(true);
      void read();
    };
    source.addEventListener('ready', onEvent);
    source.addEventListener('room', onEvent);
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [slug, workshopId, read]);

  return { room, error, live, reload: read, setRoom };
}
