import type { ControlProps } from './form';

interface MunicipalitySelectProps {
  /** The wiring a Field gives its control (id, aria-describedby, aria-invalid); a bare id outside a Field. */
  control: ControlProps | { id: string };
  /** The region's municipalities, in the order to show. */
  municipalities: readonly { nisCode: string; name: string }[];
  /** The chosen NIS code ('' for none). */
  value: string;
  onChange: (nisCode: string) => void;
  /** A first option for "none" or "all", with this label; left out when the choice is required. */
  emptyLabel?: string;
}

/** A choice of one of the region's municipalities by NIS code: the same control in every form and filter. */
export function MunicipalitySelect({ control, municipalities, value, onChange, emptyLabel }: MunicipalitySelectProps) {
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {municipalities.map((municipality) => (
        <option key={municipality.nisCode} value={municipality.nisCode}>
          {municipality.name}
        </option>
      ))}
    </select>
  );
}
