// The HTTP response head and payload of a WARC response record (http_response.h).

#include "plugins/warc/http_response.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "plugins/warc/ascii_text.h"
#include "plugins/warc/content_codings.h"

namespace morgue::warc_plugin {
namespace {

// "HTTP/1.1 200 OK" (also "HTTP/1.0", "HTTP/2"): the status, or 0 when the line is not a
// status line.
int StatusOf(std::string_view line) {
  if (!line.starts_with("HTTP/")) return 0;
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return 0;
  std::string_view rest = line.substr(space);
  rest.remove_prefix(std::min(rest.find_first_not_of(' '), rest.size()));
  if (rest.size() < 3 || (rest.size() > 3 && rest[3] != ' ' && rest[3] != '\t')) return 0;
  int status = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    if (rest[i] < '0' || rest[i] > '9') return 0;
    status = status * 10 + (rest[i] - '0');
  }
  return status >= 100 ? status : 0;
}

// Appends a header's value to a comma-separated list, as repeated headers combine.
void AppendListValue(std::string& list, std::string_view value) {
  value = TrimBlanks(value);
  if (value.empty()) return;
  if (!list.empty()) list += ", ";
  list += value;
}

std::vector<std::string_view> SplitCommas(std::string_view list) {
  std::vector<std::string_view> items;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view item = TrimBlanks(list.substr(0, comma));
    if (!item.empty()) items.push_back(item);
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
  }
  return items;
}

// Undoes the codings of `list` (as applied, first to last) from the last to the first.
Result<std::string> Undo(std::string_view kind, std::string_view list, std::string body,
                         std::size_t limit) {
  const std::vector<std::string_view> codings = SplitCommas(list);
  for (auto coding = codings.rbegin(); coding != codings.rend(); ++coding) {
    MORGUE_ASSIGN_OR_RETURN(body, Decode(kind, *coding, std::move(body), limit));
  }
  return body;
}

}  // namespace

Result<HttpResponseHead> ParseResponseHead(std::string_view block, bool complete) {
  HttpResponseHead head;
  std::size_t pos = 0;
  std::string* last_value = nullptr;  // for a folded continuation line
  std::string ignored;
  for (bool first = true;; first = false) {
    const std::size_t newline = block.find('\n', pos);
    if (newline == std::string_view::npos) {
      if (first && StatusOf(block) == 0) {
        return Status::Corruption("no HTTP status line (found '" + Snippet(block) + "')");
      }
      return Status::Corruption(complete ? "the HTTP header does not end"
                                         : "the HTTP header is too long");
    }
    std::string_view line = block.substr(pos, newline - pos);
    pos = newline + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      head.status = StatusOf(line);
      if (head.status == 0) {
        return Status::Corruption("no HTTP status line (found '" + Snippet(line) + "')");
      }
      continue;
    }
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t') {  // obsolete line folding
      if (last_value != nullptr) *last_value += " " + std::string(TrimBlanks(line));
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header: browsers pass over it
    const std::string_view name = TrimBlanks(line.substr(0, colon));
    const std::string_view value = TrimBlanks(line.substr(colon + 1));
    last_value = &ignored;
    if (EqualsIgnoringCase(name, "Content-Type")) {
      head.content_type = value;  // the last one wins, as in browsers
      last_value = &head.content_type;
    } else if (EqualsIgnoringCase(name, "Transfer-Encoding")) {
      AppendListValue(head.transfer_encoding, value);
      last_value = &head.transfer_encoding;
    } else if (EqualsIgnoringCase(name, "Content-Encoding")) {
      AppendListValue(head.content_encoding, value);
      last_value = &head.content_encoding;
    }
  }
  head.size = pos;
  return head;
}

Result<std::string> DecodePayload(std::string payload, const HttpResponseHead& head,
                                  std::size_t limit) {
  MORGUE_ASSIGN_OR_RETURN(payload,
                          Undo("transfer", head.transfer_encoding, std::move(payload), limit));
  return Undo("content", head.content_encoding, std::move(payload), limit);
}

}  // namespace morgue::warc_plugin
