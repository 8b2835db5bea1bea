// The explorer's style sheet and script, compiled into the binary and served at /static/ (the
// explorer serves no file from disk). The script only sorts and filters the rows of the page on
// screen; every page works without it (filters and paging are plain links and forms).
#pragma once

#include <string_view>

namespace claimgraph::io::serve {

extern const std::string_view kStyleCss;
extern const std::string_view kScriptJs;

}  // namespace claimgraph::io::serve
