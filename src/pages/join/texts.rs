//! Every string of the join page, in English and Chinese.

use join_form::Text;

pub(crate) const PAGE_TITLE: Text = Text::new("How to join", "如何加入");
pub(super) const CHOOSE_PROGRAM: Text =
    Text::new("What would you like to join?", "你想申请加入哪一项？");
pub(super) const PRIVACY: Text = Text::new(
    "This form sends nothing anywhere. What you type stays in this browser as a draft until you clear it, and leaves it only when you open the GitHub issue yourself, where you can still read and change everything before posting.",
    "此表单不会向任何地方发送数据。你填写的内容作为草稿保存在本浏览器中，直到你清除；只有当你自己打开 GitHub issue 时才会离开本浏览器，发布前你仍可查看并修改全部内容。",
);
pub(super) const REQUIRED_NOTE: Text =
    Text::new("Fields marked * are required.", "带 * 的为必填项。");
pub(super) const OPTIONAL_LEGEND: Text = Text::new(
    "Optional: these help visitors find you",
    "选填：这些信息帮助访客找到你",
);
pub(super) const SUMMARY_TITLE: Text = Text::new("Please fix these first:", "请先修正以下问题：");
pub(crate) const SUBMIT: Text = Text::new("Open the GitHub issue", "打开 GitHub issue");
pub(super) const SUBMIT_HELP: Text = Text::new(
    "Opens a prefilled new issue on GitHub in a new tab. The issue is public: anyone can read it, your contact details included (an email written as name[at]domain).",
    "在新标签页中打开预填好的 GitHub 新 issue。issue 是公开的：任何人都能看到其中的内容，包括你的联系方式（邮箱写成 name[at]domain）。",
);
pub(super) const COPY_MARKDOWN: Text = Text::new("Copy as Markdown", "复制为 Markdown");
pub(super) const COPY_FEED: Text = Text::new("Copy feed entry", "复制 feed 条目");
pub(super) const COPIED: Text = Text::new("Copied to the clipboard.", "已复制到剪贴板。");
pub(super) const COPY_FAILED: Text = Text::new(
    "The browser did not allow copying: select the text below and copy it.",
    "浏览器不允许复制：请选中下面的文字手动复制。",
);
pub(super) const THREAD_HINT: Text = Text::new(
    "Prefer a comment? Paste the Markdown into the adopters thread:",
    "更喜欢留言？把 Markdown 粘贴到采用者讨论帖：",
);
pub(super) const FEED_HINT: Text = Text::new(
    "For a pull request: the member as feed JSON and the adopters-table row.",
    "用于提交 PR：feed 中的成员 JSON 和采用者表格的一行。",
);
pub(super) const PARTNER_FEED_HINT: Text = Text::new(
    "For a pull request: the partner as feed JSON.",
    "用于提交 PR：feed 中的合作伙伴 JSON。",
);
pub(super) const FALLBACK: Text = Text::new(
    "Your application is too long for a prefilled link, so GitHub opened an empty issue. The text has been copied: paste it into the issue body.",
    "申请内容太长，无法放进预填链接，因此 GitHub 打开的是空白 issue。内容已复制，请粘贴到 issue 正文中。",
);
pub(super) const POPUP_BLOCKED: Text = Text::new(
    "If no tab opened, use this link:",
    "如果没有打开新标签页，请使用此链接：",
);
pub(super) const OPEN_ISSUE: Text = Text::new(
    "open the prefilled issue on GitHub",
    "在 GitHub 上打开预填的 issue",
);
pub(super) const CLEAR_DRAFT: Text = Text::new("Clear draft", "清除草稿");
pub(super) const DRAFT_CLEARED: Text = Text::new(
    "The form is empty and its draft forgotten.",
    "表单已清空，草稿已删除。",
);
pub(super) const UNDO_CLEAR: Text = Text::new("Undo", "撤销");
pub(super) const DRAFT_KEPT: Text = Text::new(
    "Your draft is kept in this browser.",
    "你的草稿已保存在本浏览器中。",
);
pub(super) const DRAFT_NOT_KEPT: Text = Text::new(
    "Your draft cannot be kept in this browser (its storage is full or blocked): the form works, but copy your answers before you leave.",
    "本浏览器无法保存你的草稿（存储已满或被禁用）：表单仍可使用，离开前请复制你的填写内容。",
);
pub(super) const PREVIEW_TITLE: Text = Text::new(
    "Preview: how the showcase will show you",
    "预览：展示页上的样子",
);
pub(super) const PREVIEW_EMPTY: Text = Text::new(
    "Fill in the organisation name to see the card.",
    "填写组织名称后即可看到卡片。",
);
pub(super) const PREVIEW_INDIVIDUAL: Text = Text::new(
    "Individual membership is not listed publicly: there is no card to preview.",
    "个人成员资格不会公开展示，因此没有卡片可预览。",
);
pub(crate) const BACK: Text = Text::new("← Back to the list", "← 返回列表");
pub(super) const REQUIRED_MARK: Text = Text::new("(required)", "（必填）");
pub(super) const CHOOSE: Text = Text::new("Choose…", "请选择…");

/// After a required field's label (an expression: see `REMOVE_MARK` in the list).
pub(super) const REQUIRED_STAR: &str = " *";

#[cfg(test)]
mod tests {
    use join_form::{ORG_TYPES, ORG_VENDOR};
    use members_feed::Kind;

    /// The form names a vendor as the list, its badges and the statistics do.
    #[test]
    fn the_form_calls_a_vendor_what_the_list_does() {
        let (vendor, _) = browse::labels::kind_names(Kind::Vendor);
        let option = ORG_TYPES
            .iter()
            .find(|option| option.value == ORG_VENDOR)
            .expect("a vendor option");
        assert!(
            option.label.zh.starts_with(vendor.zh),
            "{}",
            option.label.zh
        );
        assert!(
            option.label.en.starts_with(vendor.en),
            "{}",
            option.label.en
        );
    }
}
