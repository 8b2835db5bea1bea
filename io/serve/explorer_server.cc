#include "io/serve/explorer_server.h"

#include <httplib.h>

#include <stdexcept>

#include "io/serve/explorer.h"

namespace claimgraph::io::serve {
namespace {

constexpr const char* kSecurityPolicy =
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

// The host part of a Host header ("127.0.0.1:8765" -> "127.0.0.1", "[::1]:80" -> "::1").
std::string HostName(const std::string& header) {
  if (!header.empty() && header[0] == '[') {
    const size_t close = header.find(']');
    return close == std::string::npos ? header : header.substr(1, close - 1);
  }
  const size_t colon = header.find(':');
  return colon == std::string::npos ? header : header.substr(0, colon);
}

}  // namespace

struct ExplorerServer::Impl {
  ServeOptions options;
  Explorer explorer;
  httplib::Server server;

  explicit Impl(const ServeOptions& o)
      : options(o), explorer({o.db, o.page_size, 16, o.cached_diffs}) {}

  void Send(const Response& r, httplib::Response& res) {
    res.status = r.status;
    res.set_content(r.body, r.content_type.c_str());
  }
};

ExplorerServer::ExplorerServer(const ServeOptions& options)
    : impl_(std::make_unique<Impl>(options)) {
  httplib::Server& svr = impl_->server;
  Impl* impl = impl_.get();
  svr.set_default_headers({{"Content-Security-Policy", kSecurityPolicy},
                           {"X-Content-Type-Options", "nosniff"},
                           {"Referrer-Policy", "no-referrer"},
                           {"X-Frame-Options", "DENY"},
                           {"Cache-Control", "no-store"}});
  svr.set_payload_max_length(64 * 1024);
  svr.set_pre_routing_handler([impl](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      impl->Send(
          {405, "text/plain; charset=utf-8", "405 method not allowed: the explorer is read-only\n"},
          res);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (IsLoopback(impl->options.host) && !IsLoopback(HostName(req.get_header_value("Host")))) {
      impl->Send({403, "text/plain; charset=utf-8", "403 forbidden: unexpected Host header\n"},
                 res);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.Get(".*", [impl](const httplib::Request& req, httplib::Response& res) {
    std::multimap<std::string, std::string> params(req.params.begin(), req.params.end());
    impl->Send(impl->explorer.Handle(req.path, params), res);
  });
  svr.set_exception_handler(
      [impl](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        impl->Send({500, "text/plain; charset=utf-8", "500 internal error\n"}, res);
      });
}

ExplorerServer::~ExplorerServer() { Stop(); }

int ExplorerServer::Bind() {
  const ServeOptions& o = impl_->options;
  int port = -1;
  if (o.port == 0) {
    port = impl_->server.bind_to_any_port(o.host);
  } else if (impl_->server.bind_to_port(o.host, o.port)) {
    port = o.port;
  }
  if (port < 0) {
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                             " (in use, or not an address of this machine)");
  }
  return port;
}

void ExplorerServer::Run() { impl_->server.listen_after_bind(); }

void ExplorerServer::Stop() {
  if (impl_->server.is_running()) impl_->server.stop();
}

}  // namespace claimgraph::io::serve
