import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../use-api';

export interface PickedActor {
  id: string;
  name: string;
}

interface ActorPickerProps {
  /** The control props a `Field` hands out (id, aria-invalid, aria-describedby). */
  control: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string; 'aria-label'?: string };
  slug: string;
  value: PickedActor | null;
  onChange: (actor: PickedActor | null) => void;
  /** An actor that may not be picked (the actor itself, for a relation). */
  excludeId?: string;
}

const SEARCH_DELAY_MS = 200;
const RESULTS = 12;

/**
 * A combobox that searches the region's actors as you type (the same Dutch search as the actor list),
 * so a region with thousands of actors needs no dropdown of all of them. Follows the ARIA 1.2
 * combobox pattern: arrow keys move through the options, Enter picks, Escape closes.
 */
export function ActorPicker({ control, slug, value, onChange, excludeId }: ActorPickerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const blurTimer = useRef<number | undefined>(undefined);

  useEffect(() => setText(value?.name ?? ''), [value?.id, value?.name]);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  useEffect(() => () => window.clearTimeout(blurTimer.current), []);

  const searching = open && query.length > 0 && query !== value?.name;
  const results = useApi(searching ? '/api/regions/{slug}/actors' : null, { params: { path: { slug }, query: { q: query, limit: RESULTS } } });
  const options = (results.data?.items ?? []).filter((item) => item.id !== excludeId);
  const expanded = searching && options.length > 0;

  const pick = (index: number) => {
    const option = options[index];
    if (!option) return;
    onChange({ id: option.id, name: option.name });
    setText(option.name);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((current) => Math.min(options.length - 1, current + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(0, current - 1));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      pick(active);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  const status = !searching ? '' : results.data === undefined ? t('actorPicker.searching') : t('actorPicker.results', { count: options.length });
  return (
    <div className="actor-picker">
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        placeholder={t('actorPicker.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        // Closing waits a moment, so a click on an option still lands.
        onBlur={() => {
          blurTimer.current = window.setTimeout(() => setOpen(false), 150);
        }}
      />
      <ul id={listId} role="listbox" className="actor-picker__list" hidden={!expanded}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'actor-picker__option actor-picker__option--active' : 'actor-picker__option'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(index)}
          >
            {option.name}
            {option.municipality ? <span className="muted"> · {option.municipality.name}</span> : null}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
