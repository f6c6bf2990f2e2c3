// The MIME pieces of MHTML: header fields and parameters, quoted-printable, base64.

#include "plugins/mhtml/mime.h"

#include <gtest/gtest.h>

namespace morgue::mhtml_plugin {
namespace {

TEST(MimeTest, FoldedFieldsAndTheirParameters) {
  Headers headers;
  AddHeaderLine("Content-Type: multipart/related;\r", headers);
  AddHeaderLine("\ttype=\"text/html\";", headers);
  AddHeaderLine("\tboundary=\"----MultipartBoundary--abc----\"", headers);
  AddHeaderLine("not a field", headers);
  const std::string type = headers.Get("content-type");
  EXPECT_EQ(MainValue(type), "multipart/related");
  EXPECT_EQ(Parameter(type, "boundary"), "----MultipartBoundary--abc----");
  EXPECT_EQ(Parameter(type, "TYPE"), "text/html");
  EXPECT_EQ(Parameter("text/html; charset=windows-1252", "charset"), "windows-1252");
  EXPECT_EQ(Parameter("text/html", "charset"), "");
  EXPECT_EQ(headers.Get("Subject"), "");
}

TEST(MimeTest, QuotedPrintable) {
  EXPECT_EQ(DecodeQuotedPrintable("a=3Db=\r\nc=E2=80=99d\r\ne"),
            "a=bc\xE2\x80\x99"
            "d\r\ne");
  EXPECT_EQ(DecodeQuotedPrintable("soft=  \nbreak"), "softbreak");
  // Malformed escapes are kept as written.
  EXPECT_EQ(DecodeQuotedPrintable("100=% =Z1 end="), "100=% =Z1 end");
}

TEST(MimeTest, Base64) {
  EXPECT_EQ(DecodeBase64("PGh0bWw+\r\nPC9odG1sPg=="), "<html></html>");
  EXPECT_EQ(DecodeBase64("YQ"), "a");
  EXPECT_FALSE(DecodeBase64("PGh0b*Ww+").has_value());
  EXPECT_FALSE(DecodeBase64("YQ==YQ").has_value());
  EXPECT_FALSE(DecodeBase64("Y").has_value());
}

}  // namespace
}  // namespace morgue::mhtml_plugin
