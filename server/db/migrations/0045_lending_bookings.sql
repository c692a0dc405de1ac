-- Bookings and the units they hold. Overlap is refused by PostgreSQL itself: an exclusion constraint
-- on (unit, period incl. the item's buffer days) over the rows that still block (requested, confirmed,
-- checked out). See docs/decisions/019.
CREATE TABLE lending_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES lending_items (id) ON DELETE CASCADE,
  borrower_actor_id uuid REFERENCES actors (id) ON DELETE SET NULL,
  -- A resident (no actor) booked by the owner when the item is open to everyone.
  borrower_name text,
  borrower_email text,
  units integer NOT NULL CHECK (units >= 1),
  from_date date NOT NULL,
  to_date date NOT NULL,
  status text NOT NULL DEFAULT 'aangevraagd'
    CHECK (status IN ('aangevraagd', 'bevestigd', 'geweigerd', 'uitgeleend', 'terug', 'geannuleerd')),
  note text NOT NULL DEFAULT '',
  decision_note text NOT NULL DEFAULT '',
  checkout_notes text NOT NULL DEFAULT '',
  return_notes text NOT NULL DEFAULT '',
  damage_notes text NOT NULL DEFAULT '',
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  checked_out_at timestamptz,
  returned_at timestamptz,
  pickup_reminded_at timestamptz,
  return_reminded_at timestamptz,
  overdue_reminded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date >= from_date),
  CHECK (borrower_actor_id IS NOT NULL OR borrower_name IS NOT NULL)
);
CREATE INDEX lending_bookings_item_idx ON lending_bookings (item_id, from_date);
CREATE INDEX lending_bookings_region_idx ON lending_bookings (region_id, from_date);
CREATE INDEX lending_bookings_borrower_idx ON lending_bookings (borrower_actor_id);

CREATE TABLE lending_booking_units (
  booking_id uuid NOT NULL REFERENCES lending_bookings (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES lending_units (id) ON DELETE CASCADE,
  -- [from, to + 1 + buffer days): the days the unit is out of the pool for this booking.
  period daterange NOT NULL,
  blocking boolean NOT NULL DEFAULT true,
  PRIMARY KEY (booking_id, unit_id),
  CONSTRAINT lending_no_overlap EXCLUDE USING gist (unit_id WITH =, period WITH &&) WHERE (blocking)
);
CREATE INDEX lending_booking_units_unit_idx ON lending_booking_units (unit_id);
