-- The actor history includes the entries of relations from or to the actor, also after the relation
-- is gone: these find a relation's create/delete entries by either endpoint (see actorHistory).
CREATE INDEX audit_log_relation_source_idx ON audit_log
  (region_id, (COALESCE(changes->'sourceActorId'->>'after', changes->'sourceActorId'->>'before')))
  WHERE entity_type = 'relation';
CREATE INDEX audit_log_relation_target_idx ON audit_log
  (region_id, (COALESCE(changes->'targetActorId'->>'after', changes->'targetActorId'->>'before')))
  WHERE entity_type = 'relation';
