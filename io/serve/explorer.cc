#include "io/serve/explorer.h"

#include <charconv>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string_view>

#include "io/serve/assets.h"
#include "io/serve/pages.h"
#include "io/store/store_browser.h"

namespace claimgraph::io::serve {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < path.size()) {
    const size_t j = path.find('/', i);
    const size_t end = j == std::string_view::npos ? path.size() : j;
    if (end > i) parts.push_back(path.substr(i, end - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return parts;
}

// A run or claim id in a path: digits only, at most 18 of them; else nullopt.
std::optional<int64_t> PathId(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

}  // namespace

Explorer::Explorer(const ExplorerOptions& options)
    : options_(options), store_name_(std::filesystem::path(options.db).filename().string()) {
  Return(std::make_unique<StoreBrowser>(options_.db));
}

Explorer::~Explorer() = default;

std::unique_ptr<StoreBrowser> Explorer::Borrow() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!pool_.empty()) {
      std::unique_ptr<StoreBrowser> b = std::move(pool_.back());
      pool_.pop_back();
      return b;
    }
  }
  return std::make_unique<StoreBrowser>(options_.db);
}

void Explorer::Return(std::unique_ptr<StoreBrowser> browser) {
  std::lock_guard<std::mutex> lock(mu_);
  pool_.push_back(std::move(browser));
}

std::string Explorer::Memo(const std::string& key, const std::function<std::string()>& make) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = cache_.begin(); it != cache_.end(); ++it) {
      if (it->first != key) continue;
      cache_.splice(cache_.begin(), cache_, it);
      return cache_.front().second;
    }
  }
  std::string value = make();  // outside the lock: other requests go on meanwhile
  std::lock_guard<std::mutex> lock(mu_);
  cache_.emplace_front(key, value);
  while (cache_.size() > options_.cached_comparisons) cache_.pop_back();
  return value;
}

std::shared_ptr<const LoadedDiff> Explorer::CachedDiff(StoreBrowser* browser, int64_t a,
                                                       int64_t b) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = diffs_.begin(); it != diffs_.end(); ++it) {
      if (it->first != std::make_pair(a, b)) continue;
      diffs_.splice(diffs_.begin(), diffs_, it);
      return diffs_.front().second;
    }
  }
  std::shared_ptr<const LoadedDiff> loaded = LoadDiff(browser, a, b);  // outside the lock
  std::lock_guard<std::mutex> lock(mu_);
  diffs_.emplace_front(std::make_pair(a, b), loaded);
  while (diffs_.size() > options_.cached_diffs) diffs_.pop_back();
  return loaded;
}

Response Explorer::Handle(const std::string& path,
                          const std::multimap<std::string, std::string>& params) {
  Response res;
  if (path == "/static/style.css") {
    res.content_type = "text/css; charset=utf-8";
    res.body = kStyleCss;
    return res;
  }
  if (path == "/static/app.js") {
    res.content_type = "text/javascript; charset=utf-8";
    res.body = kScriptJs;
    return res;
  }
  std::unique_ptr<StoreBrowser> browser = Borrow();
  Query query{params};
  PageContext ctx;
  ctx.browser = browser.get();
  ctx.query = &query;
  ctx.store_name = store_name_;
  ctx.page_size = options_.page_size;
  ctx.memo = [this](const std::string& key, const std::function<std::string()>& make) {
    return Memo(key, make);
  };
  ctx.diff = [this, b = browser.get()](int64_t run_a, int64_t run_b) {
    return CachedDiff(b, run_a, run_b);
  };
  try {
    const std::vector<std::string_view> parts = Split(path);
    if (parts.empty() || (parts.size() == 1 && parts[0] == "runs")) {
      res.body = RunsPage(ctx);
    } else if (parts[0] != "runs" || parts.size() > 4) {
      throw HttpError(404, "no page at this address");
    } else {
      std::optional<int64_t> run;
      if (parts[1] == "latest") {
        const std::vector<RunInfo> runs = browser->Runs(1);
        if (!runs.empty()) run = runs[0].id;
      } else {
        run = PathId(parts[1]);
      }
      if (!run || !browser->Run(*run)) throw HttpError(404, "no such run");
      ctx.run = *run;
      const std::string_view page = parts.size() > 2 ? parts[2] : "";
      if (parts.size() == 4) {
        if (page != "claims") throw HttpError(404, "no page at this address");
        const std::optional<int64_t> id = PathId(parts[3]);
        if (!id) throw HttpError(404, "no such claim");
        res.body = ClaimPage(ctx, *id);
      } else if (page.empty()) {
        res.body = RunPage(ctx);
      } else if (page == "sources") {
        res.body = ScoresPage(ctx, ScoreKind::kSource);
      } else if (page == "speakers") {
        res.body = ScoresPage(ctx, ScoreKind::kSpeaker);
      } else if (page == "source") {
        res.body = ScorePage(ctx, ScoreKind::kSource);
      } else if (page == "speaker") {
        res.body = ScorePage(ctx, ScoreKind::kSpeaker);
      } else if (page == "propositions") {
        res.body = PropositionsPage(ctx);
      } else if (page == "proposition") {
        res.body = PropositionPage(ctx);
      } else if (page == "links") {
        res.body = LinksPage(ctx);
      } else if (page == "search") {
        res.body = SearchPage(ctx);
      } else if (page == "compare") {
        res.body = ComparePage(ctx);
      } else if (page == "diff") {
        res.body = DiffPage(ctx);
      } else {
        throw HttpError(404, "no page at this address");
      }
    }
  } catch (const HttpError& e) {
    res.status = e.status();
    res.body = ErrorPage(ctx, e.status(), e.what());
  } catch (const std::exception& e) {
    // A store failure: logged for the person running the server, not shown to the browser.
    std::cerr << "claimgraph serve: " << path << ": " << e.what() << "\n";
    res.status = 500;
    res.body = ErrorPage(ctx, 500, "the store could not answer; see the server's log");
    browser.reset();  // the connection may be broken: do not reuse it
  }
  if (browser) Return(std::move(browser));
  return res;
}

}  // namespace claimgraph::io::serve
