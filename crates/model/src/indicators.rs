//! Known indicators: what a figure in the prose means, with a stable key so that years and
//! bodies can be compared. The ingest attaches a key to a figure only when the sentence says
//! unambiguously what is counted; every other figure stays unkeyed but traceable.

/// (key, unit the indicator is counted in, Chinese label for the reader).
pub const INDICATORS: &[(&str, &str, &str)] = &[
    ("proactive.items", "条", "主动公开政府信息"),
    ("requests.received", "件", "收到政府信息公开申请"),
    ("requests.completion_rate", "%", "依申请公开办结率"),
    ("press_conferences", "次", "新闻发布会"),
    ("policy_interpretations", "篇", "政策解读"),
    ("complaints.answered", "件", "答复投诉、咨询件"),
    ("weibo.posts", "条", "政务微博发布信息"),
    ("site.visits", "人次", "政府信息公开专栏访问量"),
    ("opinions.solicited", "期", "民意征集"),
    ("online_interviews", "期", "在线访谈"),
    ("normative_docs.issued", "件", "制发行政规范性文件"),
];

/// The Chinese label of an indicator key.
pub fn label(key: &str) -> Option<&'static str> {
    INDICATORS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, _, label)| *label)
}
