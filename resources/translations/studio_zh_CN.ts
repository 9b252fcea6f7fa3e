<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeskTab</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>网友</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>留言内容</translation>
    </message>
    <message>
        <source>Suggested unit</source>
        <translation>建议承办单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Question feed (both rooms)</source>
        <translation>留言流（两个直播间）</translation>
    </message>
    <message>
        <source>On-air queue</source>
        <translation>待答队列</translation>
    </message>
    <message>
        <source>{comments} comments · {questions} questions · {waiting} waiting</source>
        <translation>共 {comments} 条留言 · 问题 {questions} 个 · 待处理 {waiting} 个</translation>
    </message>
</context>
<context>
    <name>ErrorNotice</name>
    <message>
        <source>Studio Desk: an error occurred</source>
        <translation>问政直播台：发生错误</translation>
    </message>
    <message>
        <source>Something went wrong ({count} so far). The broadcast data is saved and the app keeps running.

{summary}

Details are in {log}</source>
        <translation>程序出现错误（累计 {count} 次）。直播数据已保存，程序继续运行。

{summary}

详细信息见 {log}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <source>Policy briefing</source>
        <translation>政策解读</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>网友提问</translation>
    </message>
    <message>
        <source>Report-back</source>
        <translation>转办回音</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <source>Manual entry</source>
        <translation>人工录入</translation>
    </message>
    <message>
        <source>Other channel</source>
        <translation>其他渠道</translation>
    </message>
    <message>
        <source>County account</source>
        <translation>县政府号</translation>
    </message>
    <message>
        <source>Department account</source>
        <translation>部门号</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新留言</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>已排队</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>正在回答</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Request for help</source>
        <translation>求助</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Live comment</source>
        <translation>直播留言</translation>
    </message>
    <message>
        <source>Preview comment</source>
        <translation>预告征集</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Studio Desk · County livestream</source>
        <translation>问政直播台 · 县政府直播间</translation>
    </message>
    <message>
        <source>Prep</source>
        <translation>准备</translation>
    </message>
    <message>
        <source>Live desk</source>
        <translation>直播台</translation>
    </message>
    <message>
        <source>Rig</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>No session today</source>
        <translation>今日无直播</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Official&apos;s screen</source>
        <translation>主讲屏</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Studio Desk</source>
        <translation>关于问政直播台(&amp;A)</translation>
    </message>
    <message>
        <source>Show on screen {number}: {name} ({width}×{height})</source>
        <translation>在屏幕 {number} 上显示：{name}（{width}×{height}）</translation>
    </message>
    <message>
        <source>Close the official&apos;s screen</source>
        <translation>关闭主讲屏</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>On air {slot}</source>
        <translation>直播时段 {slot}</translation>
    </message>
    <message>
        <source>Notes for this segment</source>
        <translation>本环节提示</translation>
    </message>
    <message>
        <source>Next questions</source>
        <translation>接下来的问题</translation>
    </message>
    <message>
        <source>Today {slot} · {unit} · {topic} · {status}</source>
        <translation>今日 {slot} · {unit} · {topic} · {status}</translation>
    </message>
    <message>
        <source>Rooms: {count} set up, not connected</source>
        <translation>直播间：已设置 {count} 个，未连接</translation>
    </message>
    <message>
        <source>Phones: {count} registered</source>
        <translation>手机：已登记 {count} 台</translation>
    </message>
    <message>
        <source>Problem: {text}</source>
        <translation>问题：{text}</translation>
    </message>
    <message>
        <source>About Studio Desk</source>
        <translation>关于问政直播台</translation>
    </message>
    <message>
        <source>Studio Desk {version}
The control panel of the county&apos;s daily livestream.</source>
        <translation>问政直播台 {version}
县政府每日问政直播的控制台。</translation>
    </message>
</context>
<context>
    <name>OfficialScreen</name>
    <message>
        <source>Official&apos;s screen</source>
        <translation>主讲屏</translation>
    </message>
</context>
<context>
    <name>PhoneCard</name>
    <message>
        <source>Not monitored</source>
        <translation>未监控</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial (ro.serialno)</source>
        <translation>序列号（ro.serialno）</translation>
    </message>
    <message>
        <source>Live room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电量</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Live app in front</source>
        <translation>直播应用在前台</translation>
    </message>
</context>
<context>
    <name>PrepTab</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <source>Warning at</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <source>Danger at</source>
        <translation>紧急时间</translation>
    </message>
    <message>
        <source>Notes for the official</source>
        <translation>给主讲人的提示</translation>
    </message>
    <message>
        <source>Running order</source>
        <translation>节目流程</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Routing keywords</source>
        <translation>分派关键词</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排期</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>fits the slot exactly</source>
        <translation>与时段正好吻合</translation>
    </message>
    <message>
        <source>{time} over the slot</source>
        <translation>超出时段 {time}</translation>
    </message>
    <message>
        <source>{time} under the slot</source>
        <translation>比时段少 {time}</translation>
    </message>
    <message>
        <source>Total {total} of a {slot} slot: {verdict}</source>
        <translation>合计 {total}，时段 {slot}：{verdict}</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Referred questions</source>
        <translation>转办问题</translation>
    </message>
    <message>
        <source>{days} days overdue</source>
        <translation>已超期 {days} 天</translation>
    </message>
    <message>
        <source>{total} referrals · {open} open · {overdue} overdue · {replied} replied</source>
        <translation>共 {total} 件 · 办理中 {open} 件 · 超期 {overdue} 件 · 已答复 {replied} 件</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>累计观看</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>现场答复</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Sessions held</source>
        <translation>已播场次</translation>
    </message>
    <message>
        <source>{sessions} sessions · {viewers} viewers · {questions} questions · {answered} answered on air · {referred} referred · {rate} handled</source>
        <translation>共 {sessions} 场 · 累计观看 {viewers} 人次 · 问题 {questions} 个 · 现场答复 {answered} 个 · 转办 {referred} 个 · 办理率 {rate}</translation>
    </message>
</context>
<context>
    <name>RigTab</name>
    <message>
        <source>Broadcast phones</source>
        <translation>直播手机</translation>
    </message>
    <message>
        <source>Phones are bound to their role by serial number; health appears once ADB monitoring is on.</source>
        <translation>手机按序列号绑定角色；开启 ADB 监控后显示电量、温度等状态。</translation>
    </message>
</context>
<context>
    <name>RoomsStrip</name>
    <message>
        <source>{role} · {platform} {account} · not connected</source>
        <translation>{role} · {platform} {account} · 未连接</translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>No session is scheduled for today</source>
        <translation>今日没有安排直播</translation>
    </message>
    <message>
        <source>Today&apos;s session · {day} · {slot}</source>
        <translation>今日直播 · {day} · {slot}</translation>
    </message>
    <message>
        <source>(no topic yet)</source>
        <translation>（尚未确定主题）</translation>
    </message>
    <message>
        <source>{unit} · {title} {name}</source>
        <translation>{unit} · {title} {name}</translation>
    </message>
</context>
<context>
    <name>TransportPanel</name>
    <message>
        <source>No running order for today</source>
        <translation>今日尚无节目流程</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>下一环节：{title}</translation>
    </message>
    <message>
        <source>{count} segments, {total} in all</source>
        <translation>共 {count} 个环节，总时长 {total}</translation>
    </message>
</context>
</TS>
