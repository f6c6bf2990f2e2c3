// The reading half of importing a container (morgue/container.h): its importer opens it
// on a ByteSource that streams the file, and each document it gives is extracted on the
// same lane, by whichever importer claims it, as an input of its own (see
// import_extract.h).

#include <exception>
#include <memory>
#include <string>
#include <utility>

#include "document_hints.h"
#include "import_extract.h"

namespace morgue {
namespace {

// "archive.warc.gz#<urn:uuid:...>", or "#<offset>" for a record without an id.
std::string NestedName(const std::string& container, const ContainerItem& item) {
  return container + "#" + (item.id.empty() ? std::to_string(item.offset) : item.id);
}

// A runner's verdict on a call that overran, crashed or talked nonsense says nothing of
// the input was stored; of a container, the documents before the record were.
Status InContainer(const Status& status) {
  std::string message = status.message();
  for (std::string_view lost :
       {"; nothing of it was stored", "; nothing of this input was stored"}) {
    if (message.size() >= lost.size() &&
        message.compare(message.size() - lost.size(), lost.size(), lost) == 0) {
      message.replace(message.size() - lost.size(), lost.size(),
                      "; the documents before this record are kept");
      return Status(status.code(), message);
    }
  }
  return status;
}

}  // namespace

std::string ImportExtractor::MediaTypeOf(const std::string& extension) const {
  for (const std::shared_ptr<const LoadedPluginInfo>& plugin : plugins_.plugins()) {
    if (plugin->OwnsExtension(extension)) return plugin->MediaTypeOf(extension);
  }
  return "application/octet-stream";
}

Extracted ImportExtractor::ExtractNested(const std::string& container,
                                         const std::string& container_plugin, ContainerItem& item,
                                         Lane& lane) {
  Extracted out;
  out.kind = Extracted::Kind::kNested;
  out.name = NestedName(container, item);
  out.origin.container = container;
  out.origin.offset = item.offset;
  out.origin.target_uri = item.hints.url;
  out.origin.captured = item.hints.captured;
  out.origin.media_type = item.media_type.empty() ? MediaTypeOf(item.extension) : item.media_type;
  if (item.kind == ContainerItem::kFailed) {  // the container's importer says why
    out.collected.plugin = container_plugin;
    out.collected.status = item.failure.ok() ? Status::Corruption("the record cannot be read")
                                             : std::move(item.failure);
    return out;
  }
  auto bytes = std::make_shared<const std::string>(std::move(item.bytes));
  out.bytes = bytes;
  if (options_.max_input_bytes != 0 && bytes->size() > options_.max_input_bytes) {
    out.refused = TooLarge(bytes->size(), options_.max_input_bytes);
    return out;
  }
  import_job::JobInput job{item.format, out.name, {}, bytes};
  job.extension = item.extension;
  job.parameters = options_.parameters;
  job.hints = HintsArticle(item);
  job.hints_origin = item.hints.origin;
  out.collected = Collect(std::move(job), lane);
  if (out.collected.status.ok()) {
    Result<PreparedDocument> prepared = PrepareDocument(*bytes);
    if (prepared.ok()) {
      out.prepared = std::move(prepared).value();
    } else {
      out.collected.status = prepared.status();
    }
  }
  return out;
}

void ImportExtractor::ExtractContainer(const std::string& name, const std::filesystem::path& path,
                                       std::shared_ptr<const std::string> bytes,
                                       const import_job::Collected& chosen, Lane& lane,
                                       const Deliver& deliver) {
  Extracted end = Extracted::Whole(path, Status::OK());
  end.kind = Extracted::Kind::kContainerEnd;
  end.name = name;
  end.collected.plugin = chosen.plugin;
  end.collected.format = chosen.format;
  // A container that cannot be opened fails as any input its importer refuses.
  const auto refuse = [&](Status why) {
    Extracted failed = Extracted::Whole(path, Status::OK());
    failed.name = name;
    failed.collected.plugin = chosen.plugin;
    failed.collected.format = chosen.format;
    failed.collected.status = std::move(why);
    deliver(std::move(failed));
  };
  try {
    // The container's importer runs where every plugin call of this run does (on the
    // lane, on a thread under the time limit, or in the --isolate worker), one call per
    // record: a record that overruns the limit or crashes the worker ends the container
    // there, and the documents before it stand.
    import_job::JobInput open{chosen.format, name, path, std::move(bytes)};
    open.parameters = options_.parameters;
    open.container_op = import_job::ContainerOp::kOpen;
    open.plugin = chosen.plugin;
    import_job::Collected opened = Collect(std::move(open), lane);
    if (!opened.status.ok()) {
      refuse(opened.status);
      return;
    }
    import_job::JobInput next{chosen.format, name, path, nullptr};
    next.container_op = import_job::ContainerOp::kNext;
    next.plugin = chosen.plugin;
    for (;;) {
      if (options_.stop_requested && options_.stop_requested()) return;  // as if never given
      import_job::Collected record = Collect(next, lane);
      if (!record.status.ok()) {
        end.refused = InContainer(record.status);
        break;
      }
      if (!record.item) break;  // the end of the container
      ContainerItem& item = *record.item;
      if (item.kind == ContainerItem::kSkipped) {
        ++end.container.skipped[item.skip_reason.empty() ? "records" : item.skip_reason];
        continue;
      }
      if (item.kind != ContainerItem::kDocument && item.kind != ContainerItem::kFailed) {
        item.failure = Status::PluginFailed("the importer gave a record of unknown kind " +
                                            std::to_string(static_cast<uint32_t>(item.kind)));
        item.kind = ContainerItem::kFailed;
      }
      ++(item.kind == ContainerItem::kFailed ? end.container.failed : end.container.documents);
      if (!deliver(ExtractNested(name, chosen.plugin, item, lane))) return;  // the run stops
    }
  } catch (const std::exception& e) {  // bad_alloc in our own code: the rest of it
    end.refused = Status::IOError(std::string("cannot read the rest of it: ") + e.what());
  }
  deliver(std::move(end));
}

}  // namespace morgue
