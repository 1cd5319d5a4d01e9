-- Requests counted per week (from Monday, as domain::demand::week_of numbers them), kind,
-- Client Level Data route of access and channel: kept in step in the transaction that writes
-- a request (and moved when staff correct its route), so the dashboard and the demand
-- forecast read a few rows a week instead of every request ever made.
CREATE TABLE weekly_requests (
    week            INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    route_of_access TEXT NOT NULL,
    channel         TEXT NOT NULL,
    requests        INTEGER NOT NULL,
    PRIMARY KEY (week, kind, route_of_access, channel)
);
INSERT INTO weekly_requests (week, kind, route_of_access, channel, requests)
    SELECT (submitted_at - 345600) / 604800, kind, route_of_access, channel, COUNT(*)
    FROM referrals GROUP BY (submitted_at - 345600) / 604800, kind, route_of_access, channel;
