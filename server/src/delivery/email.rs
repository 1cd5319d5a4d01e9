//! Email from the outbox with `lettre`: over SMTP when `PORTAL_SMTP_URL` is set, otherwise
//! written as `.eml` files under `PORTAL_MAIL_DIR` so development needs no mail server.

use app::api::staff::integration::without_addresses;
use app::store::OutboxMessage;
use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::Deserialize;

use super::Deliver;

/// What the outbox holds for one email.
#[derive(Deserialize)]
struct EmailPayload {
    to: String,
    subject: String,
    text: String,
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

pub struct EmailSender {
    from: Mailbox,
    transport: Transport,
}

impl EmailSender {
    /// SMTP at `smtp_url` (`smtp://host:port`, `smtps://…` for TLS), or files in `mail_dir`.
    pub fn new(from: &str, smtp_url: Option<&str>, mail_dir: &str) -> Result<Self, String> {
        let from: Mailbox = from.parse().map_err(|e| format!("PORTAL_MAIL_FROM: {e}"))?;
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| format!("PORTAL_SMTP_URL: {e}"))?
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(mail_dir).map_err(|e| format!("PORTAL_MAIL_DIR: {e}"))?;
                Transport::Files(AsyncFileTransport::new(mail_dir))
            }
        };
        Ok(Self { from, transport })
    }
}

#[async_trait::async_trait]
impl Deliver for EmailSender {
    fn channel(&self) -> &'static str {
        "email"
    }

    async fn deliver(&self, message: &app::store::OutboxMessage) -> Result<(), String> {
        let email = build(&self.from, message)?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(email)
                .await
                .map(|_| ())
                // A mail server's reply often quotes the recipient ("550 5.1.1 <ann@...>"): the
                // error is logged and shown to staff without it.
                .map_err(|e| format!("SMTP: {}", without_addresses(&e.to_string()))),
            Transport::Files(files) => files
                .send(email)
                .await
                .map(|_| ())
                .map_err(|e| format!("file: {e}")),
        }
    }
}

fn build(from: &Mailbox, message: &OutboxMessage) -> Result<Message, String> {
    let payload: EmailPayload = serde_json::from_str(&message.payload)
        .map_err(|_| "unreadable email payload".to_owned())?;
    // An address that cannot be parsed will never work: the error says so without echoing it.
    let to: Mailbox = payload
        .to
        .parse()
        .map_err(|_| "the recipient's address is not valid".to_owned())?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(payload.subject)
        .body(payload.text)
        .map_err(|e| format!("email could not be built: {e}"))
}
