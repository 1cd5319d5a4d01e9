//! A TCP proxy in front of the test PostgreSQL server that a test can cut, as if the database
//! had stopped (every open connection dropped, new ones refused), and then restore on the
//! same port. The test server is shared with other tests, so it is never stopped itself.
use std::net::SocketAddr;
use std::sync::Mutex;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub struct CuttableProxy {
    pub addr: SocketAddr,
    upstream: SocketAddr,
    cuts: watch::Sender<u64>,
    accepting: Mutex<Option<JoinHandle<()>>>,
}

impl CuttableProxy {
    /// A proxy to the server `TEST_DATABASE_URL` names.
    pub async fn to_test_postgres() -> Self {
        let url = std::env::var("TEST_DATABASE_URL").expect("TEST_DATABASE_URL");
        let url = reqwest::Url::parse(&url).expect("a URL");
        let host = url.host_str().expect("a host");
        let upstream = tokio::net::lookup_host((host, url.port().unwrap_or(5432)))
            .await
            .expect("resolve")
            .next()
            .expect("an address");
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let proxy = Self {
            addr: listener.local_addr().expect("address"),
            upstream,
            cuts: watch::channel(0).0,
            accepting: Mutex::new(None),
        };
        proxy.accept_on(listener);
        proxy
    }

    /// `url` with its host and port replaced by the proxy's.
    pub fn route(&self, url: &str) -> String {
        let mut url = reqwest::Url::parse(url).expect("a URL");
        url.set_host(Some(&self.addr.ip().to_string()))
            .expect("host");
        url.set_port(Some(self.addr.port())).expect("port");
        url.to_string()
    }

    fn accept_on(&self, listener: TcpListener) {
        let (upstream, cuts) = (self.upstream, self.cuts.subscribe());
        let task = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let mut cut = cuts.clone();
                tokio::spawn(async move {
                    let Ok(mut server) = TcpStream::connect(upstream).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
        });
        *self.accepting.lock().unwrap() = Some(task);
    }

    /// Drops every connection and stops listening (new connections are refused).
    pub async fn cut(&self) {
        let task = self.accepting.lock().unwrap().take();
        if let Some(task) = task {
            task.abort();
            let _ = task.await; // the listener is closed once the task has ended
        }
        self.cuts.send_modify(|n| *n += 1);
    }

    /// Listens again on the same port.
    pub async fn restore(&self) {
        let listener = TcpListener::bind(self.addr)
            .await
            .expect("the same port again");
        self.accept_on(listener);
    }
}
