//! The whole HTTP surface: the Leptos pages and server functions, static files, operations
//! endpoints, sessions and the layers every response passes through.
use std::path::Path;
use std::sync::Arc;

use app::api::context::AppContext;
use app::store::Store;
use app::{shell, App};
use axum::extract::FromRef;
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, Predicate};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::config::Config;
use crate::sessions::StoreSessions;
use crate::telemetry::{RequestSpan, ResponseLog};
use crate::{ops, security};

/// What handlers can ask for.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Arc<dyn Store>,
}

/// The cookie's name: `__Host-` (only over TLS, bound to this host and path /) in production.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-session"
    } else {
        "session"
    }
}

/// The app's routes, worked out once per process. Leptos suppresses resource loading
/// process-wide while it generates them (leptos-rs/leptos#4773): a page rendering on another
/// thread at that moment would wait for ever. Generating them once, before any router
/// exists, means no page can ever render during generation (it matters when several
/// servers share a process, as the tests do).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the router for `config`, over `store`.
pub fn build(config: &Config, store: Arc<dyn Store>) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name("portal")
        .site_root(config.site_root.clone())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .build();
    let state = AppState {
        leptos_options: leptos_options.clone(),
        store: store.clone(),
    };
    let context = AppContext {
        store: store.clone(),
        settings: Arc::new(config.settings.clone()),
    };
    let provide = move || provide_context(context.clone());

    // The cookie lasts for the browser session only (closing the browser leaves nothing);
    // the stored session ends after the idle time (`StoreSessions`).
    let sessions = SessionManagerLayer::new(StoreSessions::new(
        store.clone(),
        time::Duration::minutes(config.session_idle_minutes),
    ))
    .with_name(session_cookie_name(config.secure_cookies))
    .with_secure(config.secure_cookies)
    .with_http_only(true)
    .with_same_site(SameSite::Lax)
    .with_path("/")
    .with_expiry(Expiry::OnSessionEnd);

    let site_root = Path::new(&config.site_root);
    let static_files = |dir: &str| {
        ServeDir::new(site_root.join(dir))
            .precompressed_br()
            .precompressed_gzip()
    };

    let api = crate::api::routes(
        crate::api::ApiState {
            store: store.clone(),
            settings: Arc::new(config.settings.clone()),
            integration_secret: config.integration_secret.clone(),
        },
        config.open_api_per_minute,
    );
    let router = Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route(crate::exit::EXIT_PATH, get(crate::exit::exit_this_page))
        .nest_service("/pkg", static_files("pkg"))
        .nest_service("/assets", static_files("assets"))
        .leptos_routes_with_context(&state, route_list(), provide.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(provide, shell))
        .layer(sessions)
        .layer(axum::middleware::from_fn(
            crate::outage::service_problem_page,
        ))
        .layer(axum::middleware::from_fn(
            crate::preload_fix::fix_preload_crossorigin,
        ))
        .layer(axum::middleware::from_fn(security::refuse_cross_site_posts))
        .layer(compression(false))
        .layer(compression(true))
        .with_state(state)
        // The API has no sessions or cookies: each call stands alone.
        .merge(api);

    security::add_headers(router, config.hsts)
        .layer(CatchPanicLayer::custom(ops::panic_response))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(RequestSpan)
                .on_response(ResponseLog),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// Pages are compressed well (brotli at 4, gzip at 6), for residents on slow connections;
/// downloads made on the spot (a `Content-Disposition`: the back office's CSVs, up to a few
/// megabytes) at the fastest level, which still shrinks their repetitive lines several times
/// over but costs a few milliseconds rather than tens. Each layer leaves what the other
/// compresses alone (and neither touches a response already compressed).
fn compression(downloads: bool) -> CompressionLayer<impl Predicate> {
    use tower_http::compression::{predicate::DefaultPredicate, CompressionLevel};
    let layer = CompressionLayer::new().br(true).gzip(true);
    let layer = if downloads {
        layer.quality(CompressionLevel::Fastest)
    } else {
        layer
    };
    layer.compress_when(DefaultPredicate::new().and(
        move |_: http::StatusCode,
              _: http::Version,
              headers: &http::HeaderMap,
              _: &http::Extensions| {
            headers.contains_key(http::header::CONTENT_DISPOSITION) == downloads
        },
    ))
}
