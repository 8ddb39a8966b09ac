"""The one place that knows the notice format (notices/<calendar-id>/<slug>.md).

A notice is TOML front matter between "+++" lines, then Markdown whose dates are placeholders
({{phase.registration}}) that kaowu binds to the calendar. The placeholder names follow
compiler/render/html/placeholders.cpp; if that format changes, change only this file.
A notice never types a date literally (kaowu warns about literal dates in a body).
"""

from datetime import date, timedelta


def notice_text(index, calendar, issued):
    """The text of notice number `index` for `calendar` (a dict with id, level, title)."""
    level = calendar["level"]
    lines = [
        "+++",
        f'title = "关于{calendar["title"]}有关事项的通知（第{index + 1}号）"',
        f"date = {issued.isoformat()}",
        f'document = "基准〔2023〕{index + 1}号"',
        "+++",
        "",
        f"# {{{{calendar.title}}}}",
        "",
        "各有关单位、各位考生：",
        "",
        "根据{{calendar.issuer}}的统一安排，现将本年度考试有关事项通知如下。",
        "",
        "## 一、报名",
        "",
        "1. 网上报名时间：{{phase.registration}}。",
        "2. 现场确认时间：{{phase.confirmation}}。",
        "3. 网上缴费时间：{{phase.payment}}；逾期未缴费者视为放弃。",
        "",
    ]
    if level == "site":
        lines += [
            "现场确认地点：{{site.address}}，办理时间{{phase.confirmation.hours}}。",
            "各单位按下表时间前来办理：",
            "",
            "{{phase.confirmation.slots}}",
            "",
        ]
    if level != "national":
        lines += ["考试费标准：{{fee}}。", ""]
    lines += [
        "## 二、考试",
        "",
        "考试日期：{{exam.days}}。人机对话：{{exam.cbt.days}}；纸笔作答：{{exam.paper.days}}。",
        "",
        "{{exam.timetable}}",
        "",
        "准考证打印时间：{{phase.admission-card}}，请考生登录网站自行下载打印。",
        "",
        "## 三、成绩",
        "",
        "成绩发布：{{phase.results}}。证书领取：{{phase.certificates}}。",
        "",
        "> 本通知由基准测试生成器产生，仅用于测量 kaowu 的性能，所有日期均为虚构。",
        "",
        f"第 {index + 1} 号通知，共 {index % 7 + 3} 项附件。*请各单位认真组织实施。*",
        "",
    ]
    return "\n".join(lines)


def issue_date(index):
    """A deterministic date of issue before registration opens."""
    return date(2023, 11, 1) + timedelta(days=index % 28)
