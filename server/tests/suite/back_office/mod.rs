//! The back office's tests: `web` (sign-in, sessions, refusals, the work, with
//! HTML alone), `store` (the staff store on both databases), `integration_api` (the
//! case-management system's signed updates), `retention` (the purge, subject search and
//! erasure on both databases), `sign_in_limits` (limits that stop guessers without locking
//! staff out), `sessions_end` (sessions that do not outlive the credentials), `waits`,
//! `changes` and `check_ins` (people waiting: honest waits, "something has changed", emails).
mod changes;
mod check_ins;
mod communication_needs;
mod forecast;
mod hostile;
mod integration_api;
mod queue_plans;
mod retention;
mod sessions_end;
mod sign_in_limits;
mod store;
mod waits;
mod web;
