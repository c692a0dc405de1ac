-- Retention (issue #11, decision 027): a participant's personal fields are erased 12 months after the
-- trajectory's evaluation by a daily job; the pseudonymous code, stages and hours stay for the figures.
ALTER TABLE trajectory_participants ADD COLUMN personal_data_erased_at timestamptz;
