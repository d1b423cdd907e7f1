-- One decision per approver per version. The decisions of one approver on one version form a
-- chain: the first supersedes nothing, each later one supersedes exactly the one before it. Two
-- unique indexes make that a single chain whatever the concurrency — at most one first decision,
-- and no decision superseded twice — so there is always exactly one current decision (the end of
-- the chain, the one nobody superseded), and the trail shows every decision once. The foreign key
-- keeps a chain within one approver, deliverable and version. The trail stays append-only (the
-- trigger of 001_init.sql): changing one's mind adds an entry that references the previous one.
ALTER TABLE approvals ADD COLUMN supersedes text;

-- Trails written before this migration may hold several decisions of one approver on one version
-- (the defect this fixes: double clicks, concurrent requests). Chain them in the order they were
-- made, each superseding the one before, so the constraints below hold and the last one is
-- current. Only the new column is written; the append-only trigger is lifted for this statement.
ALTER TABLE approvals DISABLE TRIGGER approvals_append_only;
UPDATE approvals a SET supersedes = p.prev
FROM (
  SELECT id, lag(id) OVER (PARTITION BY deliverable_id, version, decided_by_id ORDER BY decided_at, id) AS prev
  FROM approvals
) p
WHERE p.id = a.id AND p.prev IS NOT NULL;
ALTER TABLE approvals ENABLE TRIGGER approvals_append_only;

ALTER TABLE approvals ADD CONSTRAINT approvals_chain_key UNIQUE (id, deliverable_id, version, decided_by_id);
ALTER TABLE approvals ADD CONSTRAINT approvals_supersedes_same_approver
  FOREIGN KEY (supersedes, deliverable_id, version, decided_by_id) REFERENCES approvals (id, deliverable_id, version, decided_by_id);
CREATE UNIQUE INDEX approvals_first_decision ON approvals (deliverable_id, version, decided_by_id) WHERE supersedes IS NULL;
CREATE UNIQUE INDEX approvals_superseded_once ON approvals (supersedes) WHERE supersedes IS NOT NULL;
