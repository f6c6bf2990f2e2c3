// morgue original: gives back the bytes of an original document an article was imported
// from, exactly as they were imported.

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "atomic_file.h"
#include "commands/commands.h"
#include "help.h"

namespace morgue::cli {
namespace {

struct OriginalArgs {
  int64_t id = 0;
  int64_t document = 0;  // 0: the article's only document
  std::string output;    // empty or "-": standard output
  bool force = false;
};

// "3 (pages/a.html), 7 (<stdin>)": the choices, for messages.
std::string DocumentList(const std::vector<DocumentInfo>& documents) {
  std::string list;
  for (const DocumentInfo& document : documents) {
    if (!list.empty()) list += ", ";
    list += std::to_string(document.id) + " (" + document.original_path + ")";
  }
  return list;
}

// The document to give back, or an error message for the user.
Result<DocumentInfo> ChooseDocument(const OriginalArgs& args,
                                    const std::vector<DocumentInfo>& documents) {
  const std::string article = "article " + std::to_string(args.id);
  if (documents.empty()) {
    return Status::NotFound(article +
                            " has no original document: it was not imported from "
                            "a file");
  }
  if (args.document == 0) {
    if (documents.size() == 1) return documents.front();
    return Status::InvalidArgument(
        article + " was imported from " + std::to_string(documents.size()) +
        " documents; choose one with --document ID: " + DocumentList(documents));
  }
  for (const DocumentInfo& document : documents) {
    if (document.id == args.document) return document;
  }
  return Status::InvalidArgument("document " + std::to_string(args.document) + " is not one of " +
                                 article + "'s documents; they are: " + DocumentList(documents));
}

int RunOriginal(Context& context, const OriginalArgs& args) {
  const bool to_stdout = args.output.empty() || args.output == "-";
  if (!to_stdout && !args.force) {
    if (std::string refused = RefusedOutput(args.output, "the original"); !refused.empty()) {
      return context.Error(kExitUsage, refused);
    }
  }
  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) {
    return kExitArchive;
  }
  auto documents = archive->Documents(args.id);
  if (!documents.ok()) {
    return context.Error(
        documents.status().code() == StatusCode::kNotFound ? kExitPartial : kExitArchive,
        documents.status().message());
  }
  auto chosen = ChooseDocument(args, *documents);
  if (!chosen.ok()) {
    return context.Error(
        chosen.status().code() == StatusCode::kNotFound ? kExitPartial : kExitUsage,
        chosen.status().message());
  }

  if (to_stdout) {
    Status status = archive->WriteOriginal(chosen->id, [](std::string_view bytes) {
      std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      return std::cout ? Status::OK() : Status::IOError("cannot write to standard output");
    });
    std::cout.flush();
    if (status.ok() && !std::cout) status = Status::IOError("cannot write to standard output");
    return status.ok() ? kExitOk : context.Error(kExitArchive, status.message());
  }
  auto file = AtomicFile::Create(args.output, args.force);
  if (!file.ok()) {
    return context.Error(kExitArchive, file.status().message());
  }
  Status status = archive->WriteOriginal(
      chosen->id, [&file](std::string_view bytes) { return (*file)->Write(bytes); });
  if (status.ok()) {
    status = (*file)->Commit();
  }
  // Without Commit the temporary file is removed: a damaged original leaves nothing behind.
  if (!status.ok()) {
    return context.Error(kExitArchive, status.message());
  }
  context.Info("wrote document " + std::to_string(chosen->id) + " (" +
               std::to_string(chosen->size) + " bytes, " + chosen->original_path + ") to " +
               args.output);
  return kExitOk;
}

}  // namespace

Command AddOriginalCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<OriginalArgs>();
  CLI::App* sub = app.add_subcommand(
      "original",
      "Write the original bytes an article was imported from, byte for byte as imported "
      "(morgue show ID lists its documents)");
  SetExamples(sub,
              {"morgue original 3 > page.html", "morgue original 3 --document 7 -o page.html"});
  context.AddGlobalOptions(sub);
  sub->add_option("id", args->id, "The article's id (see morgue list)")
      ->type_name("ID")
      ->required();
  sub->add_option("--document", args->document,
                  "Which of the article's documents, by the id morgue show lists; needed when "
                  "the article was imported from several")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  sub->add_option("-o,--output", args->output,
                  "Write to FILE (atomically; never through a symbolic link) instead of "
                  "standard output")
      ->type_name("FILE");
  sub->add_flag("--force", args->force, "Replace FILE if it exists");
  return {sub, [&context, args] { return RunOriginal(context, *args); }};
}

}  // namespace morgue::cli
