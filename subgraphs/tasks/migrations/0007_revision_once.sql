-- One bump of the revision (migration 0003) per transaction, not per statement. Updating the one
-- counter row again and again inside one transaction leaves every earlier version of the row in
-- place until the commit, and each further update walks past them: a transaction of n write
-- statements cost O(n²) (measured on PostgreSQL 15: 10,000 updates of the row in one transaction
-- 0.7 s, 20,000 5.6 s, 40,000 32 s). An import job commits a province's year of tasks, some
-- 150,000 statements, in one transaction (modules/import-job), so it never finished.
--
-- Nothing else changes. The first write statement of a transaction still bumps the counter
-- before any task or assignment row is formed and so takes the counter's row lock first: writers
-- still queue on it in one order and cannot deadlock. Every row the transaction writes is stamped
-- with that one revision (0004), and readers see them all at once when it commits. The mark is a
-- transaction-local setting: it ends with the transaction, and a rolled-back savepoint takes its
-- bump and its mark back together.
CREATE OR REPLACE FUNCTION "tasks"."bump_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('tiaokuai.tasks_revision_bumped', true) IS DISTINCT FROM 'on' THEN
		UPDATE "tasks"."revision" SET "n" = "n" + 1 WHERE "id" = 1;
		PERFORM set_config('tiaokuai.tasks_revision_bumped', 'on', true);
	END IF;
	RETURN NULL;
END
$$;
