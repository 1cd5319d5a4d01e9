-- The words of what was written (requests, carers' registrations, emergency plans), for
-- finding a person's full name in them for a subject access request without reading every
-- request ever made. External-content FTS5 tables kept in step by triggers; the query
-- checks each match with the same LIKE as before, so only whole words are narrowed to.
CREATE VIRTUAL TABLE referrals_words USING fts5(
    details, content = 'referrals', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER referrals_words_insert AFTER INSERT ON referrals BEGIN
    INSERT INTO referrals_words (rowid, details) VALUES (new.id, new.details);
END;
CREATE TRIGGER referrals_words_delete AFTER DELETE ON referrals BEGIN
    INSERT INTO referrals_words (referrals_words, rowid, details) VALUES ('delete', old.id, old.details);
END;
CREATE TRIGGER referrals_words_update AFTER UPDATE OF details ON referrals BEGIN
    INSERT INTO referrals_words (referrals_words, rowid, details) VALUES ('delete', old.id, old.details);
    INSERT INTO referrals_words (rowid, details) VALUES (new.id, new.details);
END;
INSERT INTO referrals_words (referrals_words) VALUES ('rebuild');

CREATE VIRTUAL TABLE carers_words USING fts5(
    details, content = 'carers', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER carers_words_insert AFTER INSERT ON carers BEGIN
    INSERT INTO carers_words (rowid, details) VALUES (new.id, new.details);
END;
CREATE TRIGGER carers_words_delete AFTER DELETE ON carers BEGIN
    INSERT INTO carers_words (carers_words, rowid, details) VALUES ('delete', old.id, old.details);
END;
CREATE TRIGGER carers_words_update AFTER UPDATE OF details ON carers BEGIN
    INSERT INTO carers_words (carers_words, rowid, details) VALUES ('delete', old.id, old.details);
    INSERT INTO carers_words (rowid, details) VALUES (new.id, new.details);
END;
INSERT INTO carers_words (carers_words) VALUES ('rebuild');

CREATE VIRTUAL TABLE carer_plans_words USING fts5(
    plan, content = 'carer_emergency_plans', content_rowid = 'carer_id', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER carer_plans_words_insert AFTER INSERT ON carer_emergency_plans BEGIN
    INSERT INTO carer_plans_words (rowid, plan) VALUES (new.carer_id, new.plan);
END;
CREATE TRIGGER carer_plans_words_delete AFTER DELETE ON carer_emergency_plans BEGIN
    INSERT INTO carer_plans_words (carer_plans_words, rowid, plan) VALUES ('delete', old.carer_id, old.plan);
END;
CREATE TRIGGER carer_plans_words_update AFTER UPDATE ON carer_emergency_plans BEGIN
    INSERT INTO carer_plans_words (carer_plans_words, rowid, plan) VALUES ('delete', old.carer_id, old.plan);
    INSERT INTO carer_plans_words (rowid, plan) VALUES (new.carer_id, new.plan);
END;
INSERT INTO carer_plans_words (carer_plans_words) VALUES ('rebuild');
