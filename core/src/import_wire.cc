// The wire format between the import host and its worker process: the framing, and the
// encoding of each message (see import_wire.h).

#include "import_wire.h"

#include <memory>
#include <utility>
#include <vector>

#include "morgue/article.h"

namespace morgue::import_job::wire {
namespace {

class Writer {
 public:
  explicit Writer(char type) { out_.push_back(type); }
  void U64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(std::string_view payload, char type) : rest_(payload) {
    if (rest_.empty() || rest_.front() != type) {
      ok_ = false;
    } else {
      rest_.remove_prefix(1);
    }
  }
  uint64_t U64() {
    if (rest_.size() < 8) return Fail();
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t{static_cast<unsigned char>(rest_[i])} << (8 * i);
    rest_.remove_prefix(8);
    return v;
  }
  std::string Str() {
    const uint64_t size = U64();
    if (!ok_ || size > rest_.size()) {
      Fail();
      return {};
    }
    std::string s(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return s;
  }
  // A count of items that take at least `min_item` bytes each: never more than there can
  // be, so a forged count cannot make the reader allocate.
  uint64_t Count(uint64_t min_item) {
    const uint64_t n = U64();
    if (!ok_ || n > rest_.size() / min_item) return Fail();
    return n;
  }
  Status Finish(std::string_view what) const {
    if (ok_ && rest_.empty()) return Status::OK();
    return Status::Corruption(std::string(what) +
                              (ok_ ? " has bytes after its end" : " is cut short or malformed"));
  }
  bool ok() const { return ok_; }

 private:
  uint64_t Fail() {
    ok_ = false;
    rest_ = {};
    return 0;
  }
  std::string_view rest_;
  bool ok_ = true;
};

void PutAuthors(Writer& w, const std::vector<Author>& authors) {
  w.U64(authors.size());
  for (const Author& author : authors) {
    w.Str(author.name);
    w.Str(author.email);
    w.Str(author.role);
  }
}

void PutStrings(Writer& w, const std::vector<std::string>& strings) {
  w.U64(strings.size());
  for (const std::string& s : strings) w.Str(s);
}

std::vector<Author> GetAuthors(Reader& r) {
  std::vector<Author> authors;
  for (uint64_t i = 0, n = r.Count(24); i < n && r.ok(); ++i) {  // three empty strings
    Author author;
    author.name = r.Str();
    author.email = r.Str();
    author.role = r.Str();
    authors.push_back(std::move(author));
  }
  return authors;
}

std::vector<std::string> GetStrings(Reader& r) {
  std::vector<std::string> strings;
  for (uint64_t i = 0, n = r.Count(8); i < n && r.ok(); ++i) strings.push_back(r.Str());
  return strings;
}

void PutMedia(Writer& w, const std::vector<Media>& media) {
  w.U64(media.size());
  for (const Media& m : media) {
    w.Str(m.url);
    w.Str(m.caption);
    w.Str(m.credit);
  }
}

std::vector<Media> GetMedia(Reader& r) {
  std::vector<Media> media;
  for (uint64_t i = 0, n = r.Count(24); i < n && r.ok(); ++i) {
    Media m;
    m.url = r.Str();
    m.caption = r.Str();
    m.credit = r.Str();
    media.push_back(std::move(m));
  }
  return media;
}

void PutArticle(Writer& w, const Article& a) {
  for (const std::string* s : {&a.title, &a.subtitle, &a.body, &a.summary, &a.language, &a.url,
                               &a.canonical_url, &a.published, &a.updated, &a.source}) {
    w.Str(*s);
  }
  PutAuthors(w, a.authors);
  PutStrings(w, a.tags);
  PutMedia(w, a.media);
  w.U64(a.provenance.size());
  for (const auto& [field, rule] : a.provenance) {
    w.Str(field);
    w.Str(rule);
  }
  w.U64(a.tag_origins.size());
  for (const auto& [tag, origin] : a.tag_origins) {
    w.Str(tag);
    w.Str(origin);
  }
}

Article GetArticle(Reader& r) {
  Article a;
  for (std::string* s : {&a.title, &a.subtitle, &a.body, &a.summary, &a.language, &a.url,
                         &a.canonical_url, &a.published, &a.updated, &a.source}) {
    *s = r.Str();
  }
  a.authors = GetAuthors(r);
  a.tags = GetStrings(r);
  a.media = GetMedia(r);
  for (uint64_t i = 0, n = r.Count(16); i < n && r.ok(); ++i) {
    std::string field = r.Str();
    a.provenance[field] = r.Str();
  }
  for (uint64_t i = 0, n = r.Count(16); i < n && r.ok(); ++i) {
    std::string tag = r.Str();
    a.tag_origins[tag] = r.Str();
  }
  return a;
}

void PutItem(Writer& w, const ContainerItem& item) {
  w.U64(item.kind);
  for (const std::string* s : {&item.id, &item.bytes, &item.format, &item.extension,
                               &item.media_type, &item.skip_reason}) {
    w.Str(*s);
  }
  w.U64(item.offset);
  w.U64(static_cast<uint64_t>(item.failure.code()));
  w.Str(item.failure.message());
  const DocumentHints& h = item.hints;
  for (const std::string* s : {&h.origin, &h.url, &h.captured, &h.title, &h.published, &h.updated,
                               &h.source, &h.language, &h.summary}) {
    w.Str(*s);
  }
  PutAuthors(w, h.authors);
  PutStrings(w, h.tags);
  PutMedia(w, h.media);
  w.U64(item.provenance.size());
  for (const auto& [field, rule] : item.provenance) {
    w.Str(field);
    w.Str(rule);
  }
}

// A status code as sent: the codes this build knows, or nullopt.
std::optional<StatusCode> KnownCode(uint64_t code) {
  if (code > static_cast<uint64_t>(StatusCode::kBusy)) return std::nullopt;
  return static_cast<StatusCode>(code);
}

ContainerItem GetItem(Reader& r) {
  ContainerItem item;
  item.kind = static_cast<ContainerItem::Kind>(r.U64());
  for (std::string* s : {&item.id, &item.bytes, &item.format, &item.extension, &item.media_type,
                         &item.skip_reason}) {
    *s = r.Str();
  }
  item.offset = r.U64();
  const uint64_t code = r.U64();
  std::string message = r.Str();
  if (code != 0) {
    const std::optional<StatusCode> known = KnownCode(code);
    item.failure = Status(known.value_or(StatusCode::kPluginFailed), std::move(message));
  }
  DocumentHints& h = item.hints;
  for (std::string* s : {&h.origin, &h.url, &h.captured, &h.title, &h.published, &h.updated,
                         &h.source, &h.language, &h.summary}) {
    *s = r.Str();
  }
  h.authors = GetAuthors(r);
  h.tags = GetStrings(r);
  h.media = GetMedia(r);
  for (uint64_t i = 0, n = r.Count(16); i < n && r.ok(); ++i) {
    std::string field = r.Str();
    item.provenance[field] = r.Str();
  }
  return item;
}

}  // namespace

std::string Frame(std::string_view payload) {
  std::string frame;
  frame.reserve(8 + payload.size());
  for (int i = 0; i < 8; ++i) {
    frame.push_back(static_cast<char>((uint64_t{payload.size()} >> (8 * i)) & 0xff));
  }
  frame.append(payload);
  return frame;
}

uint64_t FrameLength(std::string_view header) {
  uint64_t size = 0;
  for (size_t i = 0; i < kFrameHeader; ++i) {
    size |= uint64_t{static_cast<unsigned char>(header[i])} << (8 * i);
  }
  return size;
}

Result<std::optional<std::string_view>> NextFrame(std::string_view bytes, uint64_t max_payload) {
  if (bytes.size() < kFrameHeader) return std::optional<std::string_view>();
  const uint64_t size = FrameLength(bytes);
  if (!FrameLengthFits(size, max_payload)) {
    return Status::Corruption("a message of " + std::to_string(size) + " bytes");
  }
  if (bytes.size() - kFrameHeader < size) return std::optional<std::string_view>();
  return std::optional<std::string_view>(bytes.substr(kFrameHeader, size));
}

std::string EncodeInput(const JobInput& input) {
  Writer w(kInput);
  w.Str(input.format);
  w.Str(input.name);
  w.Str(input.path.string());
  w.Str(input.bytes ? std::string_view(*input.bytes) : std::string_view());
  w.U64(input.first_line);
  w.U64(input.probe_only ? 1 : 0);
  w.Str(input.extension);
  w.U64(input.parameters.size());
  for (const auto& [name, value] : input.parameters) {
    w.Str(name);
    w.Str(value);
  }
  w.U64(input.hints ? 1 : 0);
  if (input.hints) PutArticle(w, *input.hints);
  w.Str(input.hints_origin);
  w.U64(static_cast<uint64_t>(input.container_op));
  w.Str(input.plugin);
  w.U64(input.bytes ? 1 : 0);  // a container to open from its file has none
  return w.Take();
}

Result<JobInput> DecodeInput(std::string_view payload) {
  Reader r(payload, kInput);
  JobInput input;
  input.format = r.Str();
  input.name = r.Str();
  input.path = r.Str();
  input.bytes = std::make_shared<const std::string>(r.Str());
  input.first_line = r.U64();
  input.probe_only = r.U64() != 0;
  input.extension = r.Str();
  for (uint64_t i = 0, n = r.Count(16); i < n && r.ok(); ++i) {
    std::string name = r.Str();
    input.parameters[name] = r.Str();
  }
  if (r.U64() != 0 && r.ok()) input.hints = GetArticle(r);
  input.hints_origin = r.Str();
  const uint64_t op = r.U64();
  if (op > static_cast<uint64_t>(ContainerOp::kNext)) {
    return Status::Corruption("the input message asks an unknown container operation");
  }
  input.container_op = static_cast<ContainerOp>(op);
  input.plugin = r.Str();
  // Only a container is opened from its path when no bytes come; every other job reads
  // the bytes it was given, if none then as an empty input.
  if (r.U64() == 0 && input.container_op == ContainerOp::kOpen) input.bytes.reset();
  MORGUE_RETURN_IF_ERROR(r.Finish("the input message"));
  return input;
}

std::string EncodeChosen(const std::string& plugin) {
  Writer w(kChosen);
  w.Str(plugin);
  return w.Take();
}

Result<std::string> DecodeChosen(std::string_view payload) {
  Reader r(payload, kChosen);
  std::string plugin = r.Str();
  MORGUE_RETURN_IF_ERROR(r.Finish("the message naming the importer"));
  return plugin;
}

std::string EncodeReply(const Collected& collected) {
  Writer w(kReply);
  w.U64(static_cast<uint64_t>(collected.status.code()));
  w.Str(collected.status.message());
  w.Str(collected.plugin);
  w.Str(collected.format);
  w.U64(collected.reads_lines ? 1 : 0);
  w.U64(collected.reads_container ? 1 : 0);
  w.U64(collected.articles.size());
  for (const Article& article : collected.articles) PutArticle(w, article);
  w.U64(collected.item ? 1 : 0);
  if (collected.item) PutItem(w, *collected.item);
  return w.Take();
}

Result<Collected> DecodeReply(std::string_view payload) {
  Reader r(payload, kReply);
  const uint64_t code = r.U64();
  std::string message = r.Str();
  Collected collected;
  collected.plugin = r.Str();
  collected.format = r.Str();
  collected.reads_lines = r.U64() != 0;
  collected.reads_container = r.U64() != 0;
  // An article takes at least 10 empty strings and 4 empty lists: 112 bytes.
  for (uint64_t i = 0, n = r.Count(112); i < n && r.ok(); ++i) {
    collected.articles.push_back(GetArticle(r));
  }
  if (r.U64() != 0 && r.ok()) collected.item = GetItem(r);
  MORGUE_RETURN_IF_ERROR(r.Finish("the reply"));
  if (code > static_cast<uint64_t>(StatusCode::kBusy)) {
    return Status::Corruption("the reply has an unknown status code " + std::to_string(code));
  }
  if (code != 0) {
    collected.status = Status(static_cast<StatusCode>(code), std::move(message));
    collected.articles.clear();
    collected.item.reset();
  }
  return collected;
}

}  // namespace morgue::import_job::wire
