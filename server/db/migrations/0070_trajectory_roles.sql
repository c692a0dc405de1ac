-- Trajectories (issue #11): two region roles for the coaching of newcomers. A coach follows the
-- participants assigned to them; a trajectbegeleider (AgII) refers participants and sees only their own referrals.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('admin', 'editor', 'steering', 'viewer', 'coach', 'trajectbegeleider'));
ALTER TABLE invitations DROP CONSTRAINT invitations_role_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('admin', 'editor', 'steering', 'viewer', 'coach', 'trajectbegeleider'));
