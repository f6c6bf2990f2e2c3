#include "plugins/html/render.h"

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "morgue/text.h"
#include "morgue/text_lines.h"

namespace morgue::html_plugin {
namespace {

// Deeper markup than this is not rendered: no article nests so deep, and recursion
// must stay bounded on hostile pages.
constexpr int kMaxDepth = 400;

constexpr auto kSkippedTags = std::to_array<std::string_view>(
    {"script", "style", "noscript", "template", "svg",     "math",  "select", "textarea",
     "button", "input", "iframe",   "object",   "embed",   "img",   "video",  "audio",
     "canvas", "head",  "title",    "form",     "picture", "source"});

constexpr auto kEmphasisTags = std::to_array<std::string_view>({"i", "em", "b", "strong"});

template <size_t N>
bool OneOf(std::string_view tag, const std::array<std::string_view, N>& tags) {
  for (std::string_view each : tags) {
    if (each == tag) return true;
  }
  return false;
}

class Renderer {
 public:
  void Render(const Node* node, int depth) {
    if (depth > kMaxDepth) return;
    for (const Node* child = node->children; child != nullptr; child = child->next) {
      if (IsText(child)) {
        if (child->content != nullptr) AddText(reinterpret_cast<const char*>(child->content));
      } else if (IsElement(child)) {
        RenderElement(child, depth + 1);
      }
    }
  }

  // A root is rendered as an element, so a root <p> or <h2> ends up as its own block.
  void RenderRoot(const Node* root) {
    Flush(Kind::kParagraph);
    RenderElement(root, 0);
  }

  std::vector<Block> Finish() {
    Flush(Kind::kParagraph);
    return MergeListItems();
  }

 private:
  enum class Kind { kParagraph, kHeading, kListItem };

  struct Line {
    std::string text;
    bool emphasized = true;  // no unemphasised text seen yet
  };

  struct Piece {
    Block block;
    Kind kind;
  };

  void RenderElement(const Node* element, int depth) {
    std::string_view tag = Tag(element);
    if (OneOf(tag, kSkippedTags)) return;
    if (tag == "br") {
      lines_.emplace_back();
      return;
    }
    const bool emphasis = OneOf(tag, kEmphasisTags);
    if (emphasis) ++emphasis_;
    if (IsHeading(element)) {
      Flush(Kind::kParagraph);
      Render(element, depth);
      heading_level_ = tag[1] - '0';
      Flush(Kind::kHeading);
    } else if (tag == "li" || tag == "dt" || tag == "dd") {
      Flush(Kind::kParagraph);
      Render(element, depth);
      Flush(Kind::kListItem);
    } else if (IsBlock(element)) {
      Flush(Kind::kParagraph);
      Render(element, depth);
      Flush(Kind::kParagraph);
    } else {
      if (tag == "td" || tag == "th") AddText(" ");
      Render(element, depth);
      if (tag == "td" || tag == "th") AddText(" ");
    }
    if (emphasis) --emphasis_;
  }

  void AddText(std::string_view text) {
    if (lines_.empty()) lines_.emplace_back();
    Line& line = lines_.back();
    line.text.append(text);
    if (emphasis_ == 0 && text.find_first_not_of(" \t\r\n\f") != std::string_view::npos) {
      line.emphasized = false;
    }
  }

  // Ends the current block; an empty line (two <br> in a row) inside it splits it, and so
  // does every single <br> of a run of prose lines.
  void Flush(Kind kind) {
    Block block;
    bool emphasized = true;
    auto end_paragraph = [&]() {
      if (!block.text.empty()) {
        block.emphasized = emphasized;
        block.heading = kind == Kind::kHeading;
        block.heading_level = block.heading ? heading_level_ : 0;
        pieces_.push_back({std::move(block), kind});
      }
      block = Block();
      emphasized = true;
    };
    std::vector<std::pair<std::string, bool>> run;  // lines between empty ones, emphasised
    auto end_run = [&]() {
      bool each_a_paragraph = false;
      if (kind == Kind::kParagraph && run.size() >= 2) {
        std::vector<std::string> texts;
        texts.reserve(run.size());
        for (const auto& [text, line_emphasized] : run) texts.push_back(text);
        each_a_paragraph = LinesAreParagraphs(texts);
      }
      for (auto& [text, line_emphasized] : run) {
        if (!block.text.empty()) block.text += '\n';
        block.text += text;
        emphasized = emphasized && line_emphasized;
        if (each_a_paragraph) end_paragraph();
      }
      end_paragraph();
      run.clear();
    };
    for (const Line& line : lines_) {
      std::string text = CollapseWhitespace(line.text);
      if (text.empty()) {
        end_run();
        continue;
      }
      run.emplace_back(std::move(text), line.emphasized);
    }
    end_run();
    lines_.clear();
  }

  // Consecutive list items become the lines of one block.
  std::vector<Block> MergeListItems() {
    std::vector<Block> blocks;
    bool previous_was_item = false;
    for (Piece& piece : pieces_) {
      const bool item = piece.kind == Kind::kListItem;
      if (item && previous_was_item) {
        blocks.back().text += '\n';
        blocks.back().text += piece.block.text;
        blocks.back().emphasized = blocks.back().emphasized && piece.block.emphasized;
      } else {
        blocks.push_back(std::move(piece.block));
      }
      previous_was_item = item;
    }
    return blocks;
  }

  std::vector<Line> lines_;
  std::vector<Piece> pieces_;
  int emphasis_ = 0;
  int heading_level_ = 0;  // of the heading being flushed
};

bool IsCaption(const Node* node) {
  return IsTag(node, "figcaption") || HasClass(node, "tr-caption") ||
         HasClass(node, "wp-caption-text") || HasClass(node, "wp-caption-dd");
}

// The element holding a caption and its image.
Node* CaptionContainer(const Node* caption) {
  return FindAncestor(caption, [](const Node* n) {
    return IsTag(n, "figure") || HasClass(n, "tr-caption-container") || HasClass(n, "wp-caption");
  });
}

std::string ImageUrl(const Node* img) {
  std::string src = Attr(img, "src");
  // Lazy-loading pages put a placeholder in src and the image in data-src.
  if (src.empty() || src.starts_with("data:")) {
    if (std::string lazy = Attr(img, "data-src"); !lazy.empty()) return lazy;
  }
  return src;
}

}  // namespace

std::vector<Media> TakeMedia(const std::vector<Node*>& roots) {
  std::vector<Media> media;
  // Everything is read before anything is removed: captions can share a container, and
  // a container can hold another caption.
  std::vector<Node*> taken;
  std::unordered_set<const Node*> taken_set;
  std::unordered_set<const Node*> emptied;             // figures (or roots) without images
  std::unordered_map<const Node*, Node*> first_image;  // of each caption container
  const auto take = [&](Node* node) {
    if (taken_set.insert(node).second) taken.push_back(node);
  };
  const auto is_free_image = [&taken_set](const Node* n) {
    if (!IsTag(n, "img")) return false;
    for (const Node* up = n; up != nullptr; up = up->parent) {
      if (taken_set.contains(up)) return false;
    }
    return true;
  };
  for (Node* root : roots) {
    // A root that is itself a caption is the article: it stays.
    std::vector<Node*> captions =
        FindAll(root, [root](const Node* n) { return n != root && IsCaption(n); });
    // A nested caption is read with its outer one.
    std::erase_if(captions, [root](const Node* n) {
      for (const Node* up = n->parent; up != nullptr && up != root; up = up->parent) {
        if (IsCaption(up)) return true;
      }
      return false;
    });
    for (Node* caption : captions) {
      CaptionCredit split = SplitCaptionCredit(CollapseWhitespace(Text(caption)));
      Node* container = CaptionContainer(caption);
      // A caption gets its container's first image, unless an earlier caption took it.
      // Each container is searched once (a hostile page may hold thousands of captions).
      Node* img = nullptr;
      if (container != nullptr && !taken_set.contains(container)) {
        auto [found, fresh] = first_image.try_emplace(container, nullptr);
        if (fresh) found->second = FindFirst(container, is_free_image);
        if (found->second != nullptr && is_free_image(found->second)) img = found->second;
      }
      if (!split.caption.empty() || !split.credit.empty()) {
        media.push_back(
            {img == nullptr ? std::string() : ImageUrl(img), split.caption, split.credit});
      }
      take(caption);
      if (container == nullptr) continue;
      // The root, or a container around it, stays: it is the article, or holds it.
      const bool inside_root = container != root && Contains(root, container);
      // A figure may (in broken markup) hold the rest of the article: only its images go.
      if (IsTag(container, "figure")) {
        // Emptied once, however many captions it holds (a figure around the roots: each
        // root once).
        Node* scope = inside_root ? container : root;
        if (!emptied.insert(scope).second) continue;
        for (Node* image : FindAll(scope, is_free_image)) take(image);
      } else if (inside_root) {
        take(container);
      }
    }
  }
  RemoveAll(taken);
  return media;
}

std::vector<Block> RenderBlocks(const std::vector<Node*>& roots) {
  Renderer renderer;
  for (Node* root : roots) renderer.RenderRoot(root);
  return renderer.Finish();
}

std::vector<std::string> CollectLinks(const std::vector<Node*>& roots) {
  std::vector<std::string> links;
  for (Node* root : roots) {
    for (Node* link : FindAll(root, [](const Node* n) { return IsTag(n, "a"); })) {
      std::string href = Attr(link, "href");
      if (href.starts_with("http://") || href.starts_with("https://")) links.push_back(href);
    }
  }
  return links;
}

std::vector<std::string> CollectImages(const std::vector<Node*>& roots) {
  std::vector<std::string> images;
  for (Node* root : roots) {
    for (Node* img : FindAll(root, [](const Node* n) { return IsTag(n, "img"); })) {
      if (std::string url = ImageUrl(img); !url.empty() && !url.starts_with("data:")) {
        images.push_back(std::move(url));
      }
    }
  }
  return images;
}

}  // namespace morgue::html_plugin
