<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Broadcast account</source>
        <translation>直播账号</translation>
    </message>
    <message>
        <source>e.g. 青山县人民政府</source>
        <translation>如：青山县人民政府</translation>
    </message>
    <message>
        <source>Douyin: the owner&apos;s SecUid or live id; Kuaishou: the userscript&apos;s path key</source>
        <translation>抖音：主播的 SecUid 或直播间号；快手：油猴脚本的路径标识</translation>
    </message>
    <message>
        <source>Choose QR image…</source>
        <translation>选择二维码图片…</translation>
    </message>
    <message>
        <source>No QR image</source>
        <translation>不用二维码</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Whose account</source>
        <translation>账号归属</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账号名称</translation>
    </message>
    <message>
        <source>Capture identity</source>
        <translation>采集标识</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>不是图片</translation>
    </message>
</context>
<context>
    <name>AnnouncementDialog</name>
    <message>
        <source>Preview announcement</source>
        <translation>直播预告</translation>
    </message>
    <message>
        <source>WeChat official account</source>
        <translation>微信公众号</translation>
    </message>
    <message>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <source>Placeholders: {names}</source>
        <translation>可用占位符：{names}</translation>
    </message>
    <message>
        <source>Poster 1080×1920 (short video)</source>
        <translation>海报 1080×1920（短视频平台）</translation>
    </message>
    <message>
        <source>Cover 900×383 (WeChat)</source>
        <translation>封面 900×383（微信公众号）</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>Copy the poster to the clipboard, to paste it into a post</source>
        <translation>把海报复制到剪贴板，可直接粘贴到推文中</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Could not save {path}</source>
        <translation>无法保存 {path}</translation>
    </message>
    <message>
        <source>Copied to the clipboard</source>
        <translation>已复制到剪贴板</translation>
    </message>
    <message>
        <source>Poster copied to the clipboard as an image</source>
        <translation>海报已作为图片复制到剪贴板</translation>
    </message>
    <message>
        <source>poster</source>
        <translation>海报</translation>
    </message>
    <message>
        <source>cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>{date}{unit}-{kind}.png</source>
        <translation>{date}{unit}-{kind}.png</translation>
    </message>
    <message>
        <source>Save poster</source>
        <translation>保存海报</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation>正在保存 {path}…</translation>
    </message>
</context>
<context>
    <name>ApiSettingsBox</name>
    <message>
        <source>Control API (Stream Deck, Companion, scripts)</source>
        <translation>控制接口（Stream Deck、Companion、脚本）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This PC only (127.0.0.1)</source>
        <translation>仅本机（127.0.0.1）</translation>
    </message>
    <message>
        <source>LAN (only with the token)</source>
        <translation>局域网（须令牌）</translation>
    </message>
    <message>
        <source>none (needed on the LAN)</source>
        <translation>无（局域网须有）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Save API settings</source>
        <translation>保存接口设置</translation>
    </message>
    <message>
        <source>Applied the next time Studio Desk starts.</source>
        <translation>下次启动本程序时生效。</translation>
    </message>
    <message>
        <source>Serve</source>
        <translation>开放范围</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Saved; applied the next time Studio Desk starts.</source>
        <translation>已保存；下次启动本程序时生效。</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
<context>
    <name>BlockedViewersDialog</name>
    <message>
        <source>Blocked viewers</source>
        <translation>已屏蔽的网友</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>网友</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>屏蔽范围</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>屏蔽时间</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>解除屏蔽</translation>
    </message>
    <message>
        <source>Their later comments arrive as anyone&apos;s; hidden ones stay hidden (H)</source>
        <translation>此后的留言照常显示；已隐藏的仍然隐藏（可按 H 恢复）</translation>
    </message>
    <message>
        <source>for good</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>本场</translation>
    </message>
    <message>
        <source>{count} viewers blocked. Select one and press Unblock.</source>
        <translation>已屏蔽 {count} 位网友。选中一位后点“解除屏蔽”。</translation>
    </message>
    <message>
        <source>No viewer is blocked. B on a feed row blocks its author.</source>
        <translation>没有被屏蔽的网友。在留言行上按 B 可屏蔽其作者。</translation>
    </message>
</context>
<context>
    <name>BriefingPanel</name>
    <message>
        <source>Title, e.g. 口径：供暖收费</source>
        <translation>标题，如：口径：供暖收费</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <source>Remove note</source>
        <translation>删除材料</translation>
    </message>
    <message>
        <source>Carry forward from the unit&apos;s last session</source>
        <translation>沿用该单位上次的材料</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>保存材料</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>未选择场次</translation>
    </message>
    <message>
        <source>Briefing notes for {day} · {unit}</source>
        <translation>{day} · {unit} 的背景材料</translation>
    </message>
    <message>
        <source>The unit has no earlier notes</source>
        <translation>该单位没有以往的背景材料</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新材料</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>BriefingViewer</name>
    <message>
        <source>Show this point on the official&apos;s screen</source>
        <translation>在主讲屏上显示这一条</translation>
    </message>
    <message>
        <source>No briefing notes for today (Prep tab ▸ Briefing notes)</source>
        <translation>今日没有背景材料（准备 ▸ 背景材料）</translation>
    </message>
</context>
<context>
    <name>CallBackDialog</name>
    <message>
        <source>Dissatisfied reopens the ticket with a new deadline.</source>
        <translation>选择“不满意”将重新打开工单，并重新计算办理时限。</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>The viewer is</source>
        <translation>网友评价</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Call back about {number}</source>
        <translation>回访 {number}</translation>
    </message>
</context>
<context>
    <name>CellEditors</name>
    <message>
        <source>mm:ss</source>
        <translation>分:秒</translation>
    </message>
</context>
<context>
    <name>ClusterOffer</name>
    <message>
        <source>No</source>
        <translation>不用</translation>
    </message>
    <message>
        <source>{count} more viewers asked the same. Mark them answered too?</source>
        <translation>另有 {count} 位网友问了同样的问题。一并标为已回答？</translation>
    </message>
    <message>
        <source>Answer all {count} (Alt+A)</source>
        <translation>这 {count} 条都标为已回答（Alt+A）</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>{database}: schema {schema} (latest {latest})</source>
        <translation>{database}：数据库版本 {schema}（最新 {latest}）</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>数据库版本</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>officials</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>phones</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>no session</source>
        <translation>无场次</translation>
    </message>
    <message>
        <source>{database} already holds a studio; nothing was changed</source>
        <translation>{database} 已有直播间数据，未做任何改动</translation>
    </message>
    <message>
        <source>seeded the demo studio around {day} into {database}</source>
        <translation>已在 {database} 中生成以 {day} 为中心的演示数据</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>{time} late</source>
        <translation>晚 {time}</translation>
    </message>
    <message>
        <source>{time} early</source>
        <translation>早 {time}</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>danger</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>overtime</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>session {session} · segment {number}/{count} {title} · {state} · {left} left ({phase}) · ends about {end}, {lateness}</source>
        <translation>场次 {session} · 第 {number}/{count} 环节 {title} · {state} · 剩余 {left}（{phase}）· 预计 {end} 结束，{lateness}</translation>
    </message>
    <message>
        <source>no viewer is blocked</source>
        <extracomment>The audit&apos;s seat of an unblock typed at the command line.</extracomment>
        <translation>没有被屏蔽的网友</translation>
    </message>
    <message>
        <source>for good</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>session {session}</source>
        <translation>场次 {session}</translation>
    </message>
    <message>
        <source>since {time}</source>
        <translation>自 {time} 起</translation>
    </message>
    <message>
        <source>not unblocked: {why}</source>
        <translation>未解除屏蔽：{why}</translation>
    </message>
    <message>
        <source>unblocked {viewer} ({account})</source>
        <translation>已解除屏蔽 {viewer}（{account}）</translation>
    </message>
    <message>
        <source>no session is scheduled today ({day})</source>
        <translation>今天（{day}）没有安排场次</translation>
    </message>
    <message>
        <source>no session with id {id}</source>
        <translation>没有编号为 {id} 的场次</translation>
    </message>
    <message>
        <source>{file} was not imported (nothing changed):</source>
        <translation>{file} 未导入（未做任何改动）：</translation>
    </message>
    <message>
        <source>session {session}: {frames} frames, {received} received, {stored} stored, {duplicates} duplicates, {rejected} rejected</source>
        <extracomment>``studio ingest``&apos;s exit status when comments were accepted but could not be stored. ``studio ingest``&apos;s exit status when another seat ingests a room it would feed (at the start, or from the moment it took the room over). The studio&apos;s two rooms, as the leases name them.</extracomment>
        <translation>场次 {session}：{frames} 帧，收到 {received} 条，保存 {stored} 条，重复 {duplicates} 条，拒收 {rejected} 条</translation>
    </message>
    <message>
        <source>{room}: {received} received, {stored} stored, {duplicates} duplicates, {rejected} rejected, {likes} likes</source>
        <translation>{room}：收到 {received} 条，保存 {stored} 条，重复 {duplicates} 条，拒收 {rejected} 条，点赞 {likes}</translation>
    </message>
    <message>
        <source>recording: {file}</source>
        <translation>录制文件：{file}</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县名</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>deadlines</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>{days} (working days)</source>
        <translation>{days}（工作日）</translation>
    </message>
    <message>
        <source>logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>county&apos;s</source>
        <translation>县政府</translation>
    </message>
    <message>
        <source>department&apos;s</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>wrote the profile to {file}</source>
        <translation>配置已写入 {file}</translation>
    </message>
    <message>
        <source>{file} was not imported (nothing changed): {why}</source>
        <translation>{file} 未导入（未做任何改动）：{why}</translation>
    </message>
    <message>
        <source>would import the profile of {county} with {count} accounts</source>
        <translation>将导入 {county} 的配置，含 {count} 个账号</translation>
    </message>
    <message>
        <source>imported the profile of {county} with {count} accounts</source>
        <translation>已导入 {county} 的配置，含 {count} 个账号</translation>
    </message>
    <message>
        <source>(no topic)</source>
        <translation>（暂无主题）</translation>
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
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>would create {count} session(s) from {first} to {last}</source>
        <translation>将在 {first} 至 {last} 新建 {count} 个场次</translation>
    </message>
    <message>
        <source>created {count} session(s) from {first} to {last}</source>
        <translation>已在 {first} 至 {last} 新建 {count} 个场次</translation>
    </message>
    <message>
        <source>wrote {count} session(s) to {file}</source>
        <translation>已将 {count} 个场次写入 {file}</translation>
    </message>
    <message>
        <source>{created} session(s) would be created, {updated} would be updated, {unchanged} unchanged</source>
        <translation>将新建 {created} 个场次，修改 {updated} 个，{unchanged} 个不变</translation>
    </message>
    <message>
        <source>{created} session(s) created, {updated} updated, {unchanged} unchanged</source>
        <translation>已新建 {created} 个场次，修改 {updated} 个，{unchanged} 个不变</translation>
    </message>
    <message>
        <source>weight {weight}</source>
        <translation>权重 {weight}</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>wrote {count} unit(s) to {file}</source>
        <translation>已将 {count} 个单位写入 {file}</translation>
    </message>
    <message>
        <source>{added} unit(s) would be added, {changed} would be changed, {unchanged} unchanged</source>
        <translation>将新增 {added} 个单位，修改 {changed} 个，{unchanged} 个不变</translation>
    </message>
    <message>
        <source>{added} unit(s) added, {changed} changed, {unchanged} unchanged</source>
        <translation>已新增 {added} 个单位，修改 {changed} 个，{unchanged} 个不变</translation>
    </message>
    <message>
        <source>add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>connected (seen within {seconds} s): {count}</source>
        <translation>在线（{seconds} 秒内有心跳）：{count}</translation>
    </message>
    <message>
        <source>{person} · {role} · {host} (pid {pid}) · since {since}</source>
        <translation>{person} · {role} · {host}（进程 {pid}）· {since} 起</translation>
    </message>
    <message>
        <source>left within {minutes} min: {count}</source>
        <translation>{minutes} 分钟内离开：{count}</translation>
    </message>
    <message>
        <source>{person} · {role} · {host} · last seen {time}</source>
        <translation>{person} · {role} · {host} · 最后在线 {time}</translation>
    </message>
    <message>
        <source>the variable {name} holds no password</source>
        <translation>环境变量 {name} 中没有密码</translation>
    </message>
    <message>
        <source>--url is needed (or --print-sql)</source>
        <translation>需要 --url（或用 --print-sql）</translation>
    </message>
    <message>
        <source>role {name}: created</source>
        <translation>角色 {name}：已创建</translation>
    </message>
    <message>
        <source>role {name}: exists, kept as it is</source>
        <translation>角色 {name}：已存在，保持不变</translation>
    </message>
    <message>
        <source>database {name}: created, owned by {owner}</source>
        <translation>数据库 {name}：已创建，所有者 {owner}</translation>
    </message>
    <message>
        <source>database {name}: exists, kept as it is</source>
        <translation>数据库 {name}：已存在，保持不变</translation>
    </message>
    <message>
        <source>schema: {schema}</source>
        <translation>数据结构版本：{schema}</translation>
    </message>
    <message>
        <source>each computer opens: --db {url}</source>
        <translation>各台电脑使用：--db {url}</translation>
    </message>
</context>
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
        <source>Author</source>
        <translation>网友</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>留言内容</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>同问</translation>
    </message>
    <message>
        <source>{count} people asked this</source>
        <translation>{count} 人问了同样的问题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{status} · edited</source>
        <translation>{status} · 已编辑</translation>
    </message>
    <message>
        <source>Edited by the moderator (E): {text}</source>
        <translation>主持人已编辑（E）：{text}</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>Dept.</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Add a phone/WeChat question…</source>
        <translation>录入电话/微信问题…</translation>
    </message>
    <message>
        <source>Question feed</source>
        <extracomment>A cluster&apos;s questions an answer may close too (on air is the official&apos;s, done is done). The feed&apos;s columns, by name (their order in the table).</extracomment>
        <translation>留言流</translation>
    </message>
    <message>
        <source>Feed sources…</source>
        <translation>评论来源…</translation>
    </message>
    <message>
        <source>Blocked viewers…</source>
        <translation>已屏蔽的网友…</translation>
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
        <source>To the on-air queue (Esc: back)</source>
        <translation>转到待答队列（Esc 返回）</translation>
    </message>
    <message>
        <source>Answer the rest of the cluster (when offered)</source>
        <translation>同类问题一并标为已回答（出现提示时）</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Briefing notes</source>
        <translation>背景材料</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Referred {ticket}</source>
        <translation>转办 {ticket}</translation>
    </message>
    <message>
        <source>On referral ticket {ticket}</source>
        <translation>已转办，工单 {ticket}</translation>
    </message>
    <message>
        <source>Suggested by the routing keywords: {unit}</source>
        <translation>按分派关键词建议：{unit}</translation>
    </message>
    <message>
        <source>Show: {view}</source>
        <translation>显示：{view}</translation>
    </message>
    <message>
        <source>Search (Esc: clear)</source>
        <translation>搜索（Esc 清空）</translation>
    </message>
    <message>
        <source>{count} new ▼</source>
        <translation>{count} 条新留言 ▼</translation>
    </message>
    <message>
        <source>{comments} comments · {questions} questions · {waiting} waiting</source>
        <translation>共 {comments} 条留言 · 问题 {questions} 个 · 待处理 {waiting} 个</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>optional</source>
        <extracomment>The longest text a dialog takes (a reply, a reason); the store keeps more, people type less.</extracomment>
        <translation>选填</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Dispatch {number}</source>
        <translation>派单 {number}</translation>
    </message>
    <message>
        <source>Dispatch {count} tickets</source>
        <translation>批量派单（{count} 件）</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit, then approve</source>
        <translation>编辑后通过</translation>
    </message>
    <message>
        <source>Personal data you type is masked when saved.</source>
        <translation>输入的个人信息在保存时会被遮盖。</translation>
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
    <name>ExtensionDialog</name>
    <message>
        <source>Until</source>
        <translation>延期至</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>More time for {number}</source>
        <translation>{number} 申请延期</translation>
    </message>
    <message>
        <source>Due {deadline}; the new date must be later.</source>
        <translation>现办理时限为 {deadline}，延期日期须晚于该日。</translation>
    </message>
</context>
<context>
    <name>FeedFilterBar</name>
    <message>
        <source>Any unit</source>
        <extracomment>The views, in the order of their buttons (Alt+1 … Alt+8). The rooms a feed can be narrowed to.</extracomment>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Search text or author (Ctrl+F)</source>
        <translation>搜索留言或网友（Ctrl+F）</translation>
    </message>
    <message>
        <source>Both rooms</source>
        <translation>两个直播间</translation>
    </message>
    <message>
        <source>County room</source>
        <translation>县政府直播间</translation>
    </message>
    <message>
        <source>Department room</source>
        <translation>部门直播间</translation>
    </message>
    <message>
        <source>Phone / WeChat</source>
        <translation>电话 / 微信</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>New questions</source>
        <translation>新问题</translation>
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
</context>
<context>
    <name>FeedKeys</name>
    <message>
        <source>Flag / unflag</source>
        <translation>标记 / 取消标记</translation>
    </message>
    <message>
        <source>Add to / take off the on-air queue</source>
        <translation>加入 / 移出待答队列</translation>
    </message>
    <message>
        <source>Put on air now</source>
        <translation>立即播出</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>Hide / show</source>
        <translation>隐藏 / 恢复显示</translation>
    </message>
    <message>
        <source>Block the author for this session</source>
        <translation>本场屏蔽作者</translation>
    </message>
    <message>
        <source>Block the author for good</source>
        <translation>永久屏蔽作者</translation>
    </message>
    <message>
        <source>Merge the selection into one cluster</source>
        <translation>将所选合并为同类问题</translation>
    </message>
    <message>
        <source>Refer to a unit…</source>
        <translation>转办给单位…</translation>
    </message>
    <message>
        <source>Edit, then approve…</source>
        <translation>编辑后通过…</translation>
    </message>
    <message>
        <source>Undo this desk&apos;s last move</source>
        <translation>撤销本台上一步操作</translation>
    </message>
</context>
<context>
    <name>FeedSourcesDialog</name>
    <message>
        <source>Feed sources</source>
        <extracomment>Each tool and the address it is usually found at.</extracomment>
        <translation>评论来源</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Capture tool</source>
        <translation>采集工具</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Room key</source>
        <translation>直播间标识</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>BarrageGrab (Douyin)</source>
        <translation>BarrageGrab（抖音）</translation>
    </message>
    <message>
        <source>douyinLive (Douyin)</source>
        <translation>douyinLive（抖音）</translation>
    </message>
    <message>
        <source>Kuaishou userscript (our server)</source>
        <translation>快手油猴脚本（本机服务）</translation>
    </message>
    <message>
        <source>live id, path key or SecUid</source>
        <translation>直播间号、路径标识或 SecUid</translation>
    </message>
    <message>
        <source>A Kuaishou room needs Studio Desk&apos;s userscript (below once saved): it carries the studio&apos;s secret. The stock script works only while a single room uses Kuaishou.</source>
        <translation>快手直播间需安装 Studio Desk 的油猴脚本（保存后显示在下方），脚本中带有本工作室的密钥。原版脚本仅在只有一个直播间使用快手时可用。</translation>
    </message>
    <message>
        <source>Userscript for {room}</source>
        <translation>{room}的油猴脚本</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>FiguresStrip</name>
    <message>
        <source>{role} · {platform} {account} · {state}</source>
        <extracomment>Chip look per feed state (``FeedState`` values): the theme&apos;s chip states. Comments per minute are counted over this many seconds.</extracomment>
        <translation>{role} · {platform} {account} · {state}</translation>
    </message>
    <message>
        <source>{role} · {platform} {account} · ingested by {name} ({host})</source>
        <translation>{role} · {platform} {account} · 由 {name}（{host}）采集</translation>
    </message>
    <message>
        <source>unverified script (no key)</source>
        <translation>脚本未验证（无密钥）</translation>
    </message>
    <message>
        <source>{online} watching / {total} in all</source>
        <translation>在线 {online} / 累计 {total}</translation>
    </message>
    <message>
        <source>{likes} likes · {stored} comments</source>
        <translation>点赞 {likes} · 留言 {stored}</translation>
    </message>
    <message>
        <source>{rejected} rejected</source>
        <translation>拒收 {rejected}</translation>
    </message>
    <message>
        <source>{count} comments waiting to be stored</source>
        <translation>{count} 条留言等待保存</translation>
    </message>
    <message>
        <source>{rate} comments/min · {waiting} questions waiting</source>
        <translation>每分钟 {rate} 条留言 · {waiting} 个问题待处理</translation>
    </message>
</context>
<context>
    <name>FillPreview</name>
    <message>
        <source>Proposed sessions</source>
        <translation>拟生成的场次</translation>
    </message>
    <message>
        <source>Create these sessions</source>
        <translation>创建这些场次</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Proposed sessions {first} – {last}: {count}</source>
        <translation>拟生成的场次 {first} – {last}：{count} 场</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看超期</translation>
    </message>
    <message>
        <source>Search: number, words, nickname (Ctrl+F)</source>
        <translation>搜索：编号、内容、昵称（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Any unit</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Any session</source>
        <translation>全部场次</translation>
    </message>
</context>
<context>
    <name>FirstRunChecklist</name>
    <message>
        <source>Set up the studio</source>
        <translation>设置直播间</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>County profile</source>
        <translation>县情资料</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Add units</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Add officials</source>
        <translation>添加主讲人</translation>
    </message>
    <message>
        <source>Accounts and feed sources</source>
        <translation>账号与评论来源</translation>
    </message>
    <message>
        <source>Add accounts</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Bind phones</source>
        <translation>绑定手机</translation>
    </message>
    <message>
        <source>First session</source>
        <translation>第一场直播</translation>
    </message>
    <message>
        <source>Create today&apos;s session</source>
        <translation>创建今日场次</translation>
    </message>
    <message>
        <source>{done} of {count} done</source>
        <translation>已完成 {done}/{count}</translation>
    </message>
</context>
<context>
    <name>GoLiveDialog</name>
    <message>
        <source>Go live</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>Before going live, both phones must be ready.</source>
        <translation>开播前，两部手机都必须就绪。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reason to go live anyway (goes into the audit)</source>
        <translation>强制开播的理由（记入审计日志）</translation>
    </message>
    <message>
        <source>Override and go live</source>
        <translation>强制开播</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>全部检查通过。</translation>
    </message>
    <message>
        <source>Checks not passed: {count}</source>
        <translation>未通过的检查：{count} 项</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Live app in front</source>
        <translation>直播应用在前台</translation>
    </message>
    <message>
        <source>Battery at least 30 % or charging</source>
        <translation>电量不低于 30% 或正在充电</translation>
    </message>
    <message>
        <source>Temperature below 42 °C</source>
        <translation>温度低于 42 °C</translation>
    </message>
    <message>
        <source>Screen awake</source>
        <translation>屏幕亮着</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>no phone bound</source>
        <translation>未绑定手机</translation>
    </message>
    <message>
        <source>on</source>
        <translation>亮屏</translation>
    </message>
    <message>
        <source>off</source>
        <translation>息屏</translation>
    </message>
    <message>
        <source>{level}, charging</source>
        <translation>{level}，充电中</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import units</source>
        <translation>导入单位</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>{file}: {added} unit(s) to add, {changed} to change, {same} unchanged.</source>
        <translation>{file}：将新增 {added} 个单位，修改 {changed} 个，{same} 个不变。</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>适用位置</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Keys in: {pane}</source>
        <translation>快捷键：{pane}</translation>
    </message>
    <message>
        <source>this tab</source>
        <translation>本页</translation>
    </message>
    <message>
        <source>anywhere in the window</source>
        <translation>整个窗口</translation>
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
        <source>Moderator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Referrals staff</source>
        <translation>转办人员</translation>
    </message>
    <message>
        <source>Viewer (read-only)</source>
        <translation>旁观（只读）</translation>
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
        <source>no frames</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>waiting for the tool</source>
        <translation>等待采集工具</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>stale (no frames)</source>
        <translation>无数据（可能卡住）</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>重连中</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
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
        <source>Suggestion</source>
        <translation>建议</translation>
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
        <source>Signed for</source>
        <translation>已签收</translation>
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
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Extension asked</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Extension granted</source>
        <translation>同意延期</translation>
    </message>
    <message>
        <source>Extension refused</source>
        <translation>不同意延期</translation>
    </message>
    <message>
        <source>Urged</source>
        <translation>督办</translation>
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
    <name>LiveFeedService</name>
    <message>
        <source>No session is open for questions yet</source>
        <extracomment>``countsChanged`` is emitted at most this often (seconds): the strip needs no more. The rooms the simulator feeds (it plays both): it runs only where both are this seat&apos;s. Where the runner runs (started with the first runner, closed by :meth:`stop`). This seat&apos;s ingest leases (made on the first leased start), the feed that runs on them, and the rooms it was last started on.</extracomment>
        <translation>尚未打开可录入问题的场次</translation>
    </message>
    <message>
        <source>Room {room} is ingested by {name} ({host}) from now on</source>
        <translation>直播间 {room} 现由 {name}（{host}）采集</translation>
    </message>
    <message>
        <source>Room {room} is fed by the stock userscript, which presents no key: its comments are unverified. Install Studio Desk&apos;s userscript from the sources dialog.</source>
        <translation>直播间 {room} 由原版油猴脚本接入，它不带密钥，评论来源未经验证。请在“评论来源”对话框中安装 Studio Desk 的脚本。</translation>
    </message>
    <message>
        <source>The Kuaishou capture server is receiving too many connections at once; {count} were dropped (a program on this computer may be flooding it)</source>
        <translation>快手采集服务器同时收到的连接过多，已断开 {count} 个（本机可能有程序在刷连接）</translation>
    </message>
    <message>
        <source>This session&apos;s recordings reached {size} MB: the feed goes on and every comment is stored, but frames are no longer recorded ({name})</source>
        <translation>本场录制已达 {size} MB：评论照常接收并全部入库，但不再录制原始消息（{name}）</translation>
    </message>
    <message>
        <source>the database server cannot be reached</source>
        <translation>无法连接数据库服务器</translation>
    </message>
    <message>
        <source>Comments cannot be stored ({reason}); they are kept and will be stored as soon as the database takes them</source>
        <translation>留言暂时无法保存（{reason}）；留言已保留，数据库恢复写入后立即保存</translation>
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
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Studio &amp;settings…</source>
        <translation>直播间设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Export segment timings (CSV)…</source>
        <translation>导出环节用时（CSV）…</translation>
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
        <source>First-run checklist</source>
        <translation>首次使用清单</translation>
    </message>
    <message>
        <source>Show phone alarms on the official&apos;s screen</source>
        <translation>在主讲屏上显示手机告警</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keys of this pane</source>
        <translation>本区快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Studio Desk</source>
        <translation>关于问政直播台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Timer</source>
        <translation>计时(&amp;T)</translation>
    </message>
    <message>
        <source>Go / resume</source>
        <translation>开始 / 继续</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>暂停 / 继续</translation>
    </message>
    <message>
        <source>Previous segment</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <source>Next segment</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>Add one minute</source>
        <translation>加 1 分钟</translation>
    </message>
    <message>
        <source>Take one minute away</source>
        <translation>减 1 分钟</translation>
    </message>
    <message>
        <source>Blackout the official&apos;s screen</source>
        <translation>主讲屏黑屏</translation>
    </message>
    <message>
        <source>Clear the note</source>
        <translation>清除提示</translation>
    </message>
    <message>
        <source>Jump to segment</source>
        <translation>跳到环节</translation>
    </message>
    <message>
        <source>session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Export segment timings</source>
        <translation>导出环节用时</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>segment-timings-{day}.csv</source>
        <translation>环节用时-{day}.csv</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the rooms a question was asked in</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{count} viewers asked this · {rooms}</source>
        <translation>{count} 位网友问了这个问题 · 来自{rooms}</translation>
    </message>
    <message>
        <source>Asked in: {rooms}</source>
        <translation>来自{rooms}</translation>
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
    <name>ManualEntryDialog</name>
    <message>
        <source>Add a question</source>
        <translation>录入问题</translation>
    </message>
    <message>
        <source>What the caller asked</source>
        <translation>来电人所问的问题</translation>
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
        <source>Caller&apos;s name (optional)</source>
        <translation>来电人姓名（可选）</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Add to the feed</source>
        <translation>加入评论流</translation>
    </message>
</context>
<context>
    <name>ModerationService</name>
    <message>
        <source>Select two or more questions to merge</source>
        <translation>请选择两个或更多问题再合并</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未能保存：{error}</translation>
    </message>
    <message>
        <source>Not read: {error}</source>
        <translation>未能读取：{error}</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>未执行：{reason}</translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
</context>
<context>
    <name>NotePanel</name>
    <message>
        <source>Note to the official</source>
        <translation>给主讲人的提示</translation>
    </message>
    <message>
        <source>2 minutes left</source>
        <translation>还剩2分钟</translation>
    </message>
    <message>
        <source>Please wrap up</source>
        <translation>请收尾</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一个问题</translation>
    </message>
    <message>
        <source>Type a note and press Enter</source>
        <translation>输入提示后按回车</translation>
    </message>
    <message>
        <source>Blink</source>
        <translation>闪烁</translation>
    </message>
    <message>
        <source>Clear note</source>
        <translation>清除提示</translation>
    </message>
    <message>
        <source>Blackout</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <source>Blackout (Ctrl+Shift+B)</source>
        <translation>黑屏（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <source>Showing: {note} · read ✓ {time}</source>
        <translation>正在显示：{note} · 已读 ✓ {time}</translation>
    </message>
    <message>
        <source>Showing: {note} · not read yet</source>
        <translation>正在显示：{note} · 尚未阅读</translation>
    </message>
    <message>
        <source>No note shown</source>
        <translation>未显示提示</translation>
    </message>
</context>
<context>
    <name>OfficialDialog</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>e.g. 局长, 镇长</source>
        <translation>例如 局长、镇长</translation>
    </message>
    <message>
        <source>Add an official</source>
        <translation>添加领导</translation>
    </message>
    <message>
        <source>Edit the official</source>
        <translation>编辑领导</translation>
    </message>
</context>
<context>
    <name>OfficialPreview</name>
    <message>
        <source>What the official&apos;s screen shows now</source>
        <translation>主讲屏此刻显示的内容</translation>
    </message>
    <message>
        <source>Official&apos;s screen</source>
        <translation>主讲屏</translation>
    </message>
    <message>
        <source>Blackout: the official sees a black screen</source>
        <translation>黑屏：主讲人看到的是黑屏</translation>
    </message>
    <message>
        <source>Next: {question}</source>
        <translation>下一个：{question}</translation>
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
    <name>OfficialScreenMenu</name>
    <message>
        <source>Official&apos;s screen</source>
        <translation>主讲屏</translation>
    </message>
    <message>
        <source>Show on screen {number}: {name} ({width}×{height})</source>
        <translation>在屏幕 {number} 上显示：{name}（{width}×{height}）</translation>
    </message>
    <message>
        <source>Close the official&apos;s screen</source>
        <translation>关闭主讲屏</translation>
    </message>
</context>
<context>
    <name>OfficialViewText</name>
    <message>
        <source>Segment {number} of {count}</source>
        <translation>第 {number} / {count} 环节</translation>
    </message>
    <message>
        <source>Briefing · {title}</source>
        <translation>背景材料 · {title}</translation>
    </message>
    <message>
        <source>Question on air</source>
        <translation>正在回答的问题</translation>
    </message>
    <message>
        <source>Notes for this segment</source>
        <translation>本环节提示</translation>
    </message>
    <message>
        <source>Next replies</source>
        <translation>接下来的答复</translation>
    </message>
    <message>
        <source>Next questions</source>
        <translation>接下来的问题</translation>
    </message>
    <message>
        <source>Report-back · {count} replies (Next: the first)</source>
        <translation>转办回音 · 共 {count} 件答复（按“下一个”开始）</translation>
    </message>
    <message>
        <source>Report-back · {number} · {unit} · {index} of {count}</source>
        <translation>转办回音 · {number} · {unit} · 第 {index} / {count} 件</translation>
    </message>
    <message>
        <source>Reply: {summary}</source>
        <translation>答复：{summary}</translation>
    </message>
</context>
<context>
    <name>PeriodView</name>
    <message>
        <source>Departments and townships</source>
        <translation>部门和乡镇</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>A unit drawing fewer distinct questions per 1,000 viewers is marked. The mark is the studio&apos;s setting: File ▸ Studio settings…</source>
        <translation>每千名观众提出的问题（去重）少于此数的单位会被标出。此标准是直播间的设置：文件 ▸ 直播间设置…</translation>
    </message>
    <message>
        <source>Pause in the rota</source>
        <translation>暂停轮值</translation>
    </message>
    <message>
        <source>Undo pause</source>
        <translation>撤销暂停</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Mean viewers</source>
        <translation>平均观看</translation>
    </message>
    <message>
        <source>Questions / session</source>
        <translation>场均问题</translation>
    </message>
    <message>
        <source>Per 1,000 viewers</source>
        <translation>每千人问题</translation>
    </message>
    <message>
        <source>Answered on air</source>
        <translation>现场答复</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Low engagement</source>
        <translation>互动偏低</translation>
    </message>
    <message>
        <source>low</source>
        <translation>偏低</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Low below {n:g} distinct questions per 1,000 viewers (Studio settings)</source>
        <translation>每千名观众问题（去重）少于 {n:g} 为互动偏低（直播间设置）</translation>
    </message>
    <message>
        <source>distinct questions per 1,000 viewers</source>
        <translation>每千名观众问题（去重）</translation>
    </message>
    <message>
        <source>distinct questions per session, by week</source>
        <translation>场均问题（去重）周趋势</translation>
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
        <source>Connection</source>
        <translation>连接</translation>
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
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <source>App in front</source>
        <translation>前台应用</translation>
    </message>
    <message>
        <source>Storage free</source>
        <translation>可用存储</translation>
    </message>
    <message>
        <source>Launch live app</source>
        <translation>打开直播应用</translation>
    </message>
    <message>
        <source>Keep awake</source>
        <translation>保持常亮</translation>
    </message>
    <message>
        <source>Allow sleep</source>
        <translation>允许息屏</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>投屏查看</translation>
    </message>
    <message>
        <source>Label, e.g. Phone A</source>
        <translation>名称，如 手机A</translation>
    </message>
    <message>
        <source>Bind to role</source>
        <translation>绑定角色</translation>
    </message>
    <message>
        <source>Type a label before binding.</source>
        <translation>请先填写名称再绑定。</translation>
    </message>
    <message>
        <source>Not bound</source>
        <translation>未绑定</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
</context>
<context>
    <name>PrepTab</name>
    <message>
        <source>Running order</source>
        <translation>节目流程</translation>
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
        <source>Rota</source>
        <translation>轮值</translation>
    </message>
    <message>
        <source>Briefing notes</source>
        <translation>背景材料</translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation>回到今天</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>▶ On air</source>
        <extracomment>The drag payload: a queued question&apos;s id, as text.</extracomment>
        <translation>▶ 正在回答</translation>
    </message>
    <message>
        <source> · ×{count} similar</source>
        <translation> · 同类 ×{count}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>On-air queue</source>
        <translation>待答队列</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Put on air now</source>
        <translation>立即播出</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>Take out of the queue</source>
        <translation>移出队列</translation>
    </message>
    <message>
        <source>Undo this desk&apos;s last move</source>
        <translation>撤销本台上一步操作</translation>
    </message>
    <message>
        <source>Back to the feed</source>
        <translation>返回留言流</translation>
    </message>
    <message>
        <source>Q&amp;A: {left} left · about {fit} of {count} fit</source>
        <translation>问答剩余 {left} · 约可答 {count} 条中的 {fit} 条</translation>
    </message>
    <message>
        <source>A typical answer takes {typical} (this session&apos;s median, or 2:00)</source>
        <translation>每题回答通常用时 {typical}（本场中位数，不足三题时按 2:00 计）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Return {number}</source>
        <translation>退回 {number}</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退回理由</translation>
    </message>
    <message>
        <source>{unit} hands the ticket back:</source>
        <translation>{unit} 退回此工单：</translation>
    </message>
    <message>
        <source>Urge {unit}</source>
        <translation>督办 {unit}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{number}: urged {count} times so far</source>
        <translation>{number}：已督办 {count} 次</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <source>Refer to a department</source>
        <translation>转办给部门</translation>
    </message>
    <message>
        <source>Choose a unit</source>
        <translation>请选择单位</translation>
    </message>
    <message>
        <source>e.g. call the viewer back about the address</source>
        <translation>例如：节目后回电核实地址</translation>
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
        <source>Due</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Refer {count} question(s): {first}</source>
        <translation>转办 {count} 个问题：{first}</translation>
    </message>
    <message>
        <source>{date} ({days} working days)</source>
        <translation>{date}（{days} 个工作日）</translation>
    </message>
    <message>
        <source>Choose the unit the question goes to</source>
        <translation>请选择承办这个问题的单位</translation>
    </message>
</context>
<context>
    <name>ReferralDeskService</name>
    <message>
        <source>Not done: {reason}</source>
        <translation>未执行：{reason}</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Referral tickets</source>
        <extracomment>The column the board is sorted by at first: the due date, soonest first.</extracomment>
        <translation>转办工单</translation>
    </message>
    <message>
        <source>Card saved to {path}</source>
        <translation>转办卡片已保存到 {path}</translation>
    </message>
    <message>
        <source>Could not save {path}</source>
        <translation>无法保存 {path}</translation>
    </message>
    <message>
        <source>Search tickets (Esc: clear)</source>
        <translation>搜索工单（Esc 清除）</translation>
    </message>
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
        <source>Due</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <source>Counted in working days on the studio&apos;s calendar: weekends and holidays are skipped, make-up working days (调休) count. Amber: due within one working day; red: overdue.</source>
        <translation>按直播间日历的工作日计算：跳过周末和法定节假日，调休上班日计入。橙色：一个工作日内到期；红色：已超期。</translation>
    </message>
    <message>
        <source>Askers</source>
        <translation>诉求人数</translation>
    </message>
    <message>
        <source> · more time asked</source>
        <translation> · 申请延期中</translation>
    </message>
    <message>
        <source> · urged ×{count}</source>
        <translation> · 督办 {count} 次</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) overdue</source>
        <translation>
            <numerusform>超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>The unit has answered; its clock has stopped.</source>
        <translation>承办单位已答复，办理时限停止计算。</translation>
    </message>
    <message>
        <source>Due {date}; counted in working days.</source>
        <translation>{date} 到期；按工作日计算。</translation>
    </message>
    <message>
        <source>Dispatched {count} ticket(s).</source>
        <translation>已派单 {count} 件。</translation>
    </message>
    <message>
        <source>{number} not dispatched: {reason}</source>
        <translation>{number} 未派单：{reason}</translation>
    </message>
    <message>
        <source>{shown} of {total} tickets shown · {open} open · {soon} due within one working day · {overdue} overdue</source>
        <translation>显示 {shown} / {total} 件 · 在办 {open} 件 · 一个工作日内到期 {soon} 件 · 超期 {overdue} 件</translation>
    </message>
    <message>
        <source>Card copied: paste it into the unit&apos;s work group.</source>
        <translation>转办卡片已复制，可粘贴到承办单位工作群。</translation>
    </message>
    <message>
        <source>Save card</source>
        <translation>保存转办卡片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation>正在保存 {path}…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>no question is selected</source>
        <translation>没有选中问题</translation>
    </message>
    <message>
        <source>no question is waiting in the on-air queue</source>
        <translation>待播队列中没有等待的问题</translation>
    </message>
    <message>
        <source>the session is live: its running order is read-only; adjust the hour with the timer (add or take away time, absorb the overrun)</source>
        <translation>场次正在直播：流程只读；请用计时器调整时长（加时或减时、吸收超时）</translation>
    </message>
    <message>
        <source>the session has ended: its running order is on record and read-only</source>
        <translation>场次已结束：流程已存档，只读</translation>
    </message>
    <message>
        <source>only one question can be on air; select one</source>
        <translation>同一时间只能有一个问题在播，请只选一个</translation>
    </message>
    <message>
        <source>the question is already flagged</source>
        <translation>该问题已标记</translation>
    </message>
    <message>
        <source>the question is already queued</source>
        <translation>该问题已在待答队列中</translation>
    </message>
    <message>
        <source>the question is already on air</source>
        <translation>该问题正在播出</translation>
    </message>
    <message>
        <source>the question is already answered</source>
        <translation>该问题已回答</translation>
    </message>
    <message>
        <source>the question is already hidden</source>
        <translation>该问题已隐藏</translation>
    </message>
    <message>
        <source>the question is already referred to a department</source>
        <translation>该问题已转办给部门</translation>
    </message>
    <message>
        <source>a referred question is answered by the department&apos;s reply</source>
        <translation>已转办的问题以部门回复作答</translation>
    </message>
    <message>
        <source>the question is hidden; unhide it first</source>
        <translation>该问题已隐藏，请先取消隐藏</translation>
    </message>
    <message>
        <source>an answered question&apos;s text is on record and is not edited</source>
        <translation>已回答问题的原文已存档，不能编辑</translation>
    </message>
    <message>
        <source>a referred question&apos;s text is on record and is not edited</source>
        <translation>已转办问题的原文已存档，不能编辑</translation>
    </message>
    <message>
        <source>question {id} changed since ({before} → gone); cannot undo</source>
        <translation>问题 {id} 之后已有变化（{before} → 已不存在），无法撤销</translation>
    </message>
    <message>
        <source>already {status} by {who} at {time}</source>
        <translation>已由 {who} 于 {time} 设为{status}</translation>
    </message>
    <message>
        <source>the question is now {status} ({who}, {time})</source>
        <translation>该问题现为{status}（{who}，{time}）</translation>
    </message>
    <message>
        <source>the edited text is empty</source>
        <translation>编辑后的内容为空</translation>
    </message>
    <message>
        <source>select at least two questions to merge</source>
        <translation>请至少选中两个问题再合并</translation>
    </message>
    <message>
        <source>the questions are one cluster already</source>
        <translation>这些问题已经是同一组</translation>
    </message>
    <message>
        <source>this question has no viewer account to block</source>
        <translation>该问题没有可屏蔽的网友账号</translation>
    </message>
    <message>
        <source>block {id} is no longer in force</source>
        <translation>屏蔽记录 {id} 已不存在</translation>
    </message>
    <message>
        <source>the question is not in the on-air queue</source>
        <translation>该问题不在待答队列中</translation>
    </message>
    <message>
        <source>the question is already first in the queue</source>
        <translation>该问题已在队列最前</translation>
    </message>
    <message>
        <source>the question is already last in the queue</source>
        <translation>该问题已在队列最后</translation>
    </message>
    <message>
        <source>the question is already at that place in the queue</source>
        <translation>该问题已在队列的这个位置</translation>
    </message>
    <message>
        <source>question {id}, where it was dropped, has left the queue meanwhile</source>
        <translation>放置位置旁的问题 {id} 已在此期间离开队列</translation>
    </message>
    <message>
        <source>session {id} does not exist</source>
        <translation>场次 {id} 不存在</translation>
    </message>
    <message>
        <source>a template needs a name</source>
        <translation>模板需要名称</translation>
    </message>
    <message>
        <source>a template name has at most {max} characters</source>
        <translation>模板名称最多 {max} 个字</translation>
    </message>
    <message>
        <source>template {id} does not exist</source>
        <translation>模板 {id} 不存在</translation>
    </message>
    <message>
        <source>the template {name} is damaged and cannot be read</source>
        <translation>模板 {name} 已损坏，无法读取</translation>
    </message>
    <message>
        <source>the kind is required: department or township</source>
        <translation>必须填写类型：部门或乡镇</translation>
    </message>
    <message>
        <source>unknown kind &apos;{text}&apos;: department or township</source>
        <translation>未知类型“{text}”：应为部门或乡镇</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <source>the name is longer than {max} characters</source>
        <translation>名称超过 {max} 个字</translation>
    </message>
    <message>
        <source>the short name is empty</source>
        <translation>简称为空</translation>
    </message>
    <message>
        <source>the short name &apos;{name}&apos; is longer than {max} characters</source>
        <translation>简称“{name}”超过 {max} 个字</translation>
    </message>
    <message>
        <source>the keyword &apos;{keyword}…&apos; is longer than {max} characters</source>
        <translation>关键词“{keyword}…”超过 {max} 个字</translation>
    </message>
    <message>
        <source>the official&apos;s name is empty</source>
        <translation>领导姓名为空</translation>
    </message>
    <message>
        <source>the title is longer than {max} characters</source>
        <translation>职务超过 {max} 个字</translation>
    </message>
    <message>
        <source>another unit is already called &apos;{name}&apos;</source>
        <translation>已有其他单位名为“{name}”</translation>
    </message>
    <message>
        <source>the unit already has an official called &apos;{name}&apos;</source>
        <translation>该单位已有名为“{name}”的领导</translation>
    </message>
    <message>
        <source>no unit with id {id}</source>
        <translation>没有编号为 {id} 的单位</translation>
    </message>
    <message>
        <source>no official with id {id}</source>
        <translation>没有编号为 {id} 的领导</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not yes or no</source>
        <translation>“{text}”不是“是”或“否”</translation>
    </message>
    <message>
        <source>the official &apos;{name}&apos; is listed twice</source>
        <translation>领导“{name}”重复列出</translation>
    </message>
    <message>
        <source>{count} problem(s): {problems}</source>
        <translation>{count} 个问题：{problems}</translation>
    </message>
    <message>
        <source>weeks must be at least 1</source>
        <translation>周数至少为 1</translation>
    </message>
    <message>
        <source>the period ends before it starts</source>
        <translation>时段的结束早于开始</translation>
    </message>
    <message>
        <source>unit {id}: weight must be positive</source>
        <translation>单位 {id}：权重必须为正数</translation>
    </message>
    <message>
        <source>no unit is on the rota</source>
        <translation>轮值表上没有单位</translation>
    </message>
    <message>
        <source>no unit on the rota is called &apos;{name}&apos;</source>
        <translation>轮值表上没有名为“{name}”的单位</translation>
    </message>
    <message>
        <source>{name}: the weight must be positive</source>
        <translation>{name}：权重必须为正数</translation>
    </message>
    <message>
        <source>no session {id}</source>
        <translation>场次 {id} 不存在</translation>
    </message>
    <message>
        <source>there is no session today</source>
        <translation>今天没有场次</translation>
    </message>
    <message>
        <source>no question is on air</source>
        <translation>没有正在播出的问题</translation>
    </message>
    <message>
        <source>session {id} is {status} and stays on {date}</source>
        <translation>场次 {id} {status}，须留在 {date}</translation>
    </message>
    <message>
        <source>{date} is not a working day</source>
        <translation>{date} 不是工作日</translation>
    </message>
    <message>
        <source>{date} already has a session</source>
        <translation>{date} 已有场次</translation>
    </message>
    <message>
        <source>session {id} is {status} and can no longer be edited</source>
        <translation>场次 {id} {status}，不能再修改</translation>
    </message>
    <message>
        <source>a session is not set {status} by hand</source>
        <translation>场次不能手动设为“{status}”</translation>
    </message>
    <message>
        <source>the session must end after it starts ({start}–{end})</source>
        <translation>场次的结束时间必须晚于开始时间（{start}–{end}）</translation>
    </message>
    <message>
        <source>the topic is longer than {max} characters</source>
        <translation>主题超过 {max} 个字</translation>
    </message>
    <message>
        <source>no unit {id} on the rota</source>
        <translation>轮值表上没有单位 {id}</translation>
    </message>
    <message>
        <source>the official is not one of the unit&apos;s own</source>
        <translation>该主讲人不属于此单位</translation>
    </message>
    <message>
        <source>{name} is retired</source>
        <translation>{name} 已卸任</translation>
    </message>
    <message>
        <source>a session is ready only with a topic, an official and a running order; missing: {missing}</source>
        <translation>场次须有主题、主讲人和节目流程才能就绪；缺少：{missing}</translation>
    </message>
    <message>
        <source>no running order template can be read</source>
        <translation>没有可读取的节目流程模板</translation>
    </message>
    <message>
        <source>the notes were not saved: {problems}</source>
        <translation>背景材料未保存：{problems}</translation>
    </message>
    <message>
        <source>note {number}: the title is empty</source>
        <translation>第 {number} 条材料：标题为空</translation>
    </message>
    <message>
        <source>note {number}: the title is longer than {max} characters</source>
        <translation>第 {number} 条材料：标题超过 {max} 个字</translation>
    </message>
    <message>
        <source>note {number}: the text is longer than {max} characters</source>
        <translation>第 {number} 条材料：正文超过 {max} 个字</translation>
    </message>
    <message>
        <source>the session has not started; press Go first</source>
        <translation>直播尚未开始，请先按“开始”</translation>
    </message>
    <message>
        <source>the session has ended</source>
        <translation>本场直播已结束</translation>
    </message>
    <message>
        <source>the clock is already running</source>
        <translation>计时已在进行</translation>
    </message>
    <message>
        <source>the clock is already paused</source>
        <translation>计时已暂停</translation>
    </message>
    <message>
        <source>the clock is not paused</source>
        <translation>计时没有暂停</translation>
    </message>
    <message>
        <source>already at the first segment</source>
        <translation>已经是第一个环节</translation>
    </message>
    <message>
        <source>no segment {number}: the rundown has {count}</source>
        <translation>没有第 {number} 个环节：节目流程只有 {count} 个环节</translation>
    </message>
    <message>
        <source>the file is empty: no header row</source>
        <translation>文件为空：没有表头行</translation>
    </message>
    <message>
        <source>this column is missing</source>
        <translation>缺少此列</translation>
    </message>
    <message>
        <source>unknown column (expected: {columns})</source>
        <translation>未知的列（应为：{columns}）</translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD): &apos;{text}&apos;</source>
        <translation>不是日期（YYYY-MM-DD）：“{text}”</translation>
    </message>
    <message>
        <source>{date} is already on line {line}</source>
        <translation>{date} 已在第 {line} 行</translation>
    </message>
    <message>
        <source>not a time (HH:MM): &apos;{text}&apos;</source>
        <translation>不是时间（HH:MM）：“{text}”</translation>
    </message>
    <message>
        <source>ends before it starts</source>
        <translation>结束时间早于开始时间</translation>
    </message>
    <message>
        <source>no such unit: &apos;{name}&apos;</source>
        <translation>没有这个单位：“{name}”</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>longer than {max} characters</source>
        <translation>超过 {max} 个字</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not one of {choices}</source>
        <translation>“{text}”不是以下之一：{choices}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not of this unit</source>
        <translation>“{name}”不是该单位的人员</translation>
    </message>
    <message>
        <source>the session on {date} is {status}</source>
        <translation>{date} 的场次{status}</translation>
    </message>
    <message>
        <source>a file cannot set {status}</source>
        <translation>文件不能把场次设为{status}</translation>
    </message>
    <message>
        <source>not ready without: {missing}</source>
        <translation>缺少以下内容，不能就绪：{missing}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is also on line {line}</source>
        <translation>“{name}”也在第 {line} 行</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is unit &apos;{unit}&apos;</source>
        <translation>“{name}”已是单位“{unit}”的名称</translation>
    </message>
    <message>
        <source>not text in UTF-8, GB18030 (GBK) or UTF-16</source>
        <translation>不是 UTF-8、GB18030（GBK）或 UTF-16 编码的文本</translation>
    </message>
    <message>
        <source>not valid CSV ({text})</source>
        <translation>不是有效的 CSV（{text}）</translation>
    </message>
    <message>
        <source>more than {limit} rows</source>
        <translation>超过 {limit} 行</translation>
    </message>
    <message>
        <source>more than {limit} columns</source>
        <translation>超过 {limit} 列</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>超过 {limit} 个字</translation>
    </message>
    <message>
        <source>holds a control character ({text})</source>
        <translation>含有控制字符（{text}）</translation>
    </message>
    <message>
        <source>a formula with no saved value ({text}); paste it as values</source>
        <translation>公式没有保存的值（{text}）；请粘贴为数值</translation>
    </message>
    <message>
        <source>an error value ({text}), not data</source>
        <translation>错误值（{text}），不是数据</translation>
    </message>
    <message>
        <source>not a readable workbook: {text}</source>
        <translation>不是可读取的工作簿：{text}</translation>
    </message>
    <message>
        <source>no referral ticket {id}</source>
        <translation>没有转办单 {id}</translation>
    </message>
    <message>
        <source>ticket {id} has no reply to report back yet</source>
        <translation>工单 {id} 还没有答复，不能回音</translation>
    </message>
    <message>
        <source>no replied ticket is waiting to be reported back in this segment</source>
        <translation>本环节没有待回音的已答复工单</translation>
    </message>
    <message>
        <source>cannot {move} a ticket that is {status}</source>
        <translation>不能对{status}的转办单执行“{move}”</translation>
    </message>
    <message>
        <source>the ticket is closed; nothing more is done to it</source>
        <translation>转办单已办结，不能再做任何操作</translation>
    </message>
    <message>
        <source>the ticket is not with a unit; dispatch it first</source>
        <translation>转办单尚未派发给单位，请先派发</translation>
    </message>
    <message>
        <source>the unit has not signed for the ticket yet</source>
        <translation>单位尚未签收该转办单</translation>
    </message>
    <message>
        <source>the unit has already replied; call the viewer back</source>
        <translation>单位已答复，请回访网友</translation>
    </message>
    <message>
        <source>call the viewer back before closing the ticket</source>
        <translation>请先回访网友，再办结转办单</translation>
    </message>
    <message>
        <source>a ticket never goes back to {status}</source>
        <translation>转办单不能回到“{status}”状态</translation>
    </message>
    <message>
        <source>a ticket is replied with the reply&apos;s text</source>
        <translation>答复转办单须填写答复内容</translation>
    </message>
    <message>
        <source>that unit returned this ticket; dispatch it to another unit</source>
        <translation>该单位已退回此转办单，请派发给其他单位</translation>
    </message>
    <message>
        <source>{name} is retired; choose a serving unit</source>
        <translation>{name} 已撤销，请选择在用的单位</translation>
    </message>
    <message>
        <source>the reply is empty</source>
        <translation>答复内容为空</translation>
    </message>
    <message>
        <source>a unit returns a ticket with a reason</source>
        <translation>单位退回转办单须说明理由</translation>
    </message>
    <message>
        <source>a call-back records the viewer&apos;s answer: satisfied, basically satisfied or dissatisfied</source>
        <translation>回访须记录网友的评价：满意、基本满意或不满意</translation>
    </message>
    <message>
        <source>an extension is asked with a reason</source>
        <translation>申请延期须说明理由</translation>
    </message>
    <message>
        <source>the deadline {date} has passed; an extension is asked before it</source>
        <translation>办理期限 {date} 已过，延期须在期限前申请</translation>
    </message>
    <message>
        <source>the new deadline must be after the current one, {date}</source>
        <translation>新的期限须晚于当前期限 {date}</translation>
    </message>
    <message>
        <source>an extension to {date} is already waiting for a decision</source>
        <translation>延期至 {date} 的申请尚待审批</translation>
    </message>
    <message>
        <source>no extension is waiting for a decision</source>
        <translation>没有待审批的延期申请</translation>
    </message>
    <message>
        <source>the ticket kept changing on another seat; try again</source>
        <translation>转办单正在被其他席位修改，请重试</translation>
    </message>
    <message>
        <source>the viewer&apos;s contact on referral {id} was revealed; the ticket stays on record</source>
        <translation>转办单 {id} 的网友联系方式已被查看，该转办单须留档</translation>
    </message>
    <message>
        <source>no question {id}</source>
        <translation>没有编号为 {id} 的问题</translation>
    </message>
    <message>
        <source>the county&apos;s name is empty</source>
        <translation>县名为空</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is no time zone (expected e.g. Asia/Shanghai)</source>
        <translation>“{name}”不是有效的时区名称</translation>
    </message>
    <message>
        <source>the deadline for &apos;{name}&apos; must be 1 to {max} working days</source>
        <translation>“{name}”的时限须为 1 至 {max} 个工作日</translation>
    </message>
    <message>
        <source>the low-engagement mark must be 0 to {max} distinct questions per 1,000 viewers</source>
        <translation>互动偏低的标准须为每千名观众 0 至 {max} 个问题（去重）</translation>
    </message>
    <message>
        <source>the picture is larger than {max} KB</source>
        <translation>图片大于 {max} 千字节</translation>
    </message>
    <message>
        <source>the control API is off, this PC only or the LAN, not &apos;{name}&apos;</source>
        <translation>控制接口只能是关闭、仅本机或局域网，不能是“{name}”</translation>
    </message>
    <message>
        <source>the control API&apos;s port must be 1024 to 65535, not {number}</source>
        <translation>控制接口的端口须为 1024 至 65535，不能是 {number}</translation>
    </message>
    <message>
        <source>on the LAN the control API needs a token of at least {max} characters (Generate makes one)</source>
        <translation>在局域网上开放控制接口须有至少 {max} 个字符的令牌（可点“生成”）</translation>
    </message>
    <message>
        <source>a broadcast account is on Douyin or Kuaishou, not &apos;{name}&apos;</source>
        <translation>直播账号只能在抖音或快手，不能是“{name}”</translation>
    </message>
    <message>
        <source>the account&apos;s capture identity (SecUid or path key) is empty</source>
        <translation>账号的采集标识为空（抖音填主播标识，快手填脚本路径标识）</translation>
    </message>
    <message>
        <source>another account already has the identity &apos;{name}&apos;</source>
        <translation>已有其他账号使用标识“{name}”</translation>
    </message>
    <message>
        <source>there is no account {id}</source>
        <translation>没有账号 {id}</translation>
    </message>
    <message>
        <source>the account &apos;{name}&apos; has comments and cannot be removed</source>
        <translation>账号“{name}”已有留言，不能删除</translation>
    </message>
    <message>
        <source>not a studio profile file ({text})</source>
        <translation>不是直播间资料文件（{text}）</translation>
    </message>
    <message>
        <source>add a unit first: a session needs a unit in the chair</source>
        <translation>请先添加单位：每场直播都需要一个上线单位</translation>
    </message>
    <message>
        <source>the database server cannot be reached, so nothing was saved; try again when it is back</source>
        <translation>无法连接数据库服务器，因此没有保存任何内容；请在它恢复后再试</translation>
    </message>
    <message>
        <source>{name}&apos;s seat is a viewer&apos;s: it only watches, nothing is changed</source>
        <translation>{name} 的席位是旁观席位：只能查看，未做任何更改</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>request for help</source>
        <translation>求助</translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>this author is already blocked in this room</source>
        <translation>该网友已在本直播间被屏蔽</translation>
    </message>
    <message>
        <source>the questions kept changing on another desk; try again</source>
        <translation>这些问题正在被另一台电脑修改，请重试</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>unflag</source>
        <translation>取消标记</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <source>take out of the queue</source>
        <translation>移出队列</translation>
    </message>
    <message>
        <source>put on air</source>
        <translation>播出</translation>
    </message>
    <message>
        <source>take off air</source>
        <translation>撤下播出</translation>
    </message>
    <message>
        <source>mark answered</source>
        <translation>标为已回答</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>unhide</source>
        <translation>取消隐藏</translation>
    </message>
    <message>
        <source>refer</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>edit and approve</source>
        <translation>编辑后通过</translation>
    </message>
    <message>
        <source>new</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>已排队</translation>
    </message>
    <message>
        <source>on air</source>
        <translation>播出中</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>referred to a department</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>question {id}: {reason}</source>
        <translation>问题 {id}：{reason}</translation>
    </message>
    <message>
        <source>cannot {action} a question that is {status}</source>
        <translation>不能对{status}的问题执行“{action}”</translation>
    </message>
    <message>
        <source>question {id} is not in this session</source>
        <translation>问题 {id} 不属于本场直播</translation>
    </message>
    <message>
        <source>question {id} changed since ({before} → {now}); cannot undo</source>
        <translation>问题 {id} 之后已有变化（{before} → {now}），无法撤销</translation>
    </message>
    <message>
        <source>question {id} changed since; cannot undo</source>
        <translation>问题 {id} 之后已有变化，无法撤销</translation>
    </message>
    <message>
        <source>referral {id} is already {status}; cannot undo</source>
        <translation>转办单 {id} 已{status}，无法撤销</translation>
    </message>
    <message>
        <source>no unit {id} to refer to</source>
        <translation>没有编号为 {id} 的单位可转办</translation>
    </message>
    <message>
        <source>{name} is already blocked in this room</source>
        <translation>{name} 已在本直播间被屏蔽</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>official</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>running order</source>
        <translation>节目流程</translation>
    </message>
    <message>
        <source>dispatch</source>
        <translation>派发</translation>
    </message>
    <message>
        <source>sign for</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>start work on</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>reply to</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>call back about</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>close</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>ask an extension for</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>grant an extension for</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <source>refuse an extension for</source>
        <translation>驳回延期</translation>
    </message>
    <message>
        <source>urge</source>
        <translation>督办</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>a name or a post, e.g. 社会救助股</source>
        <translation>姓名或科室，例如 社会救助股</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>By</source>
        <translation>答复人</translation>
    </message>
    <message>
        <source>Reply to {number}</source>
        <translation>答复 {number}</translation>
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
        <source>by hand</source>
        <translation>手填</translation>
    </message>
    <message>
        <source>The platform&apos;s own after-show figure, typed in by hand (for some room), used over the capture&apos;s samples</source>
        <translation>平台下播后的官方数字（某个直播间）为手工填入，代替采集到的样本数字</translation>
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
        <source>Departments and townships</source>
        <translation>部门和乡镇</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Units over the period</source>
        <translation>单位阶段报告</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>打印机无法使用。</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <source>{sessions} sessions · {viewers} viewers · {questions} distinct questions · {answered} answered on air · {referred} referred · {rate} handled</source>
        <translation>{sessions} 场 · {viewers} 观看 · {questions} 个问题（去重） · 现场答复 {answered} · 转办 {referred} · 办理率 {rate}</translation>
    </message>
</context>
<context>
    <name>Rig</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>Not responding</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Not authorized for USB debugging</source>
        <translation>未授权 USB 调试</translation>
    </message>
    <message>
        <source>Battery low</source>
        <translation>电量低</translation>
    </message>
    <message>
        <source>Too hot</source>
        <translation>温度过高</translation>
    </message>
    <message>
        <source>Live app not in front</source>
        <translation>直播应用不在前台</translation>
    </message>
    <message>
        <source>Screen off</source>
        <translation>屏幕已熄灭</translation>
    </message>
    <message>
        <source>Storage low</source>
        <translation>存储空间不足</translation>
    </message>
    <message>
        <source>Check the USB cable (or Wi-Fi) and that USB debugging is still on.</source>
        <translation>检查数据线（或 Wi-Fi）是否连好，USB 调试是否仍然打开。</translation>
    </message>
    <message>
        <source>On the phone, accept “Allow USB debugging?” (tick Always allow).</source>
        <translation>在手机上确认“允许 USB 调试吗？”（勾选“始终允许”）。</translation>
    </message>
    <message>
        <source>Unplug and plug the cable in again; if it stays, restart the phone.</source>
        <translation>拔下数据线再插上；仍不行就重启手机。</translation>
    </message>
    <message>
        <source>Plug in the charger.</source>
        <translation>插上充电器。</translation>
    </message>
    <message>
        <source>Take the case off, move it out of the sun or lights, or add a fan.</source>
        <translation>取下手机壳，避开阳光或灯光直射，或加风扇散热。</translation>
    </message>
    <message>
        <source>Bring the live app back to the front (Launch live app).</source>
        <translation>把直播应用切回前台（点“打开直播应用”）。</translation>
    </message>
    <message>
        <source>Wake the screen and press Keep awake.</source>
        <translation>点亮屏幕，再点“保持常亮”。</translation>
    </message>
    <message>
        <source>Delete old videos or photos to free space.</source>
        <translation>删除旧视频或照片，腾出空间。</translation>
    </message>
    <message>
        <source>not throttling</source>
        <translation>温度正常</translation>
    </message>
    <message>
        <source>warm, light throttling</source>
        <translation>偏热，轻度降频</translation>
    </message>
    <message>
        <source>hot, moderate throttling</source>
        <translation>较热，中度降频</translation>
    </message>
    <message>
        <source>too hot, severe throttling</source>
        <translation>过热，严重降频</translation>
    </message>
    <message>
        <source>critical: the app may be closed</source>
        <translation>温度危急：应用可能被关闭</translation>
    </message>
    <message>
        <source>emergency: shutting down soon</source>
        <translation>紧急：即将关机</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>ADB is not running or not installed, so the phones cannot be watched.
1. Install Android platform-tools (Debian/Ubuntu: sudo apt install adb; Windows: download platform-tools from developer.android.com and add it to PATH).
2. Start it: adb start-server — this tab checks again every 2 s.</source>
        <translation>ADB 未运行或未安装，无法监控手机。
1. 安装 Android platform-tools（Debian/Ubuntu：sudo apt install adb；Windows：从 developer.android.com 下载 platform-tools 并加入 PATH）。
2. 启动：adb start-server —— 本页每 2 秒重新检查一次。</translation>
    </message>
    <message>
        <source>No phone is connected. On each phone:
1. Settings ▸ About phone: tap Build number seven times (developer options).
2. Settings ▸ Developer options: turn on USB debugging.
3. Connect the USB cable and accept “Allow USB debugging?” on the phone (tick Always allow).</source>
        <translation>没有连接手机。请在每部手机上：
1. 设置 ▸ 关于手机：连续点“版本号”七次（打开开发者选项）。
2. 设置 ▸ 开发者选项：打开“USB 调试”。
3. 插上数据线，在手机上确认“允许 USB 调试吗？”（勾选“始终允许”）。</translation>
    </message>
    <message>
        <source>Accept the USB debugging key on {phones}: “Allow USB debugging?” ▸ Always allow ▸ OK. No prompt? Unplug the cable and plug it in again.</source>
        <translation>请在 {phones} 上确认 USB 调试密钥：“允许 USB 调试吗？”▸ 始终允许 ▸ 确定。没有弹出提示？拔下数据线再插上。</translation>
    </message>
    <message>
        <source>Phones: no ADB (see the Rig tab)</source>
        <translation>手机：没有 ADB（见“手机”页）</translation>
    </message>
    <message>
        <source>Phones: none detected</source>
        <translation>手机：未检测到</translation>
    </message>
    <message>
        <source>Phones: {online}/{count} online</source>
        <translation>手机：{online}/{count} 在线</translation>
    </message>
    <message>
        <source>(+{count} more)</source>
        <translation>（另有 {count} 项）</translation>
    </message>
    <message>
        <source>Phone check: {phones}</source>
        <translation>请检查手机：{phones}</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>充电中</translation>
    </message>
    <message>
        <source>not charging</source>
        <translation>未充电</translation>
    </message>
    <message>
        <source>on</source>
        <translation>亮屏</translation>
    </message>
    <message>
        <source>off</source>
        <translation>息屏</translation>
    </message>
    <message>
        <source>kept awake</source>
        <translation>保持常亮</translation>
    </message>
    <message>
        <source>may sleep</source>
        <translation>可能息屏</translation>
    </message>
    <message>
        <source>Simulated rig (demo): two phones, no ADB.</source>
        <translation>模拟手机（演示）：两部手机，不经 ADB。</translation>
    </message>
    <message>
        <source>No ADB server at {address}. Start it with: adb start-server</source>
        <translation>{address} 上没有 ADB 服务。请运行：adb start-server</translation>
    </message>
    <message>
        <source>ADB server {address} · read every 2 s</source>
        <translation>ADB 服务 {address} · 每 2 秒读取</translation>
    </message>
</context>
<context>
    <name>RigMonitorService</name>
    <message>
        <source>No ADB server at {address}: {error}</source>
        <translation>{address} 上没有 ADB 服务：{error}</translation>
    </message>
    <message>
        <source>Reading the phones failed: {error}</source>
        <translation>读取手机状态失败：{error}</translation>
    </message>
    <message>
        <source>scrcpy is not installed; install it from https://github.com/Genymobile/scrcpy and try again</source>
        <translation>未安装 scrcpy；请从 https://github.com/Genymobile/scrcpy 安装后重试</translation>
    </message>
    <message>
        <source>County account</source>
        <translation>县政府号</translation>
    </message>
    <message>
        <source>Department account</source>
        <translation>部门号</translation>
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
    <message>
        <source>Both phones:</source>
        <translation>两部手机：</translation>
    </message>
    <message>
        <source>Launch live apps</source>
        <translation>打开直播应用</translation>
    </message>
    <message>
        <source>Keep screens awake</source>
        <translation>屏幕保持常亮</translation>
    </message>
    <message>
        <source>Allow sleep</source>
        <translation>允许息屏</translation>
    </message>
    <message>
        <source>Mirror side by side</source>
        <translation>并排投屏查看</translation>
    </message>
    <message>
        <source>Phone&apos;s IP address, e.g. 192.168.1.23</source>
        <translation>手机 IP 地址，如 192.168.1.23</translation>
    </message>
    <message>
        <source>Connect over Wi-Fi</source>
        <translation>通过 Wi-Fi 连接</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Launch live app</source>
        <translation>打开直播应用</translation>
    </message>
    <message>
        <source>Keep awake</source>
        <translation>保持常亮</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>投屏查看</translation>
    </message>
    <message>
        <source>Bind to role</source>
        <translation>绑定角色</translation>
    </message>
</context>
<context>
    <name>RotaPanel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On the rota</source>
        <translation>参与轮值</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Why (e.g. away until a date)</source>
        <translation>原因（如：外出至某日）</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Weight 2 puts a unit on air twice as often; a paused unit is left out of every fill until resumed.</source>
        <translation>权重为 2 的单位上线次数为其他单位的两倍；暂停的单位在恢复前不参与排期生成。</translation>
    </message>
</context>
<context>
    <name>RundownEditingService</name>
    <message>
        <source>Could not load the running order: {error}</source>
        <translation>无法读取节目流程：{error}</translation>
    </message>
    <message>
        <source>Could not save the running order: {error}</source>
        <translation>节目流程未能保存：{error}</translation>
    </message>
    <message>
        <source>Could not load the templates: {error}</source>
        <translation>无法读取流程模板：{error}</translation>
    </message>
    <message>
        <source>Could not save the template: {error}</source>
        <translation>模板未能保存：{error}</translation>
    </message>
    <message>
        <source>Could not read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>RundownEditor</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>另存为模板…</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Live: the running order is read-only. Adjust the hour with the timer (add or take away time, absorb the overrun).</source>
        <translation>直播中：流程只读。请用计时器调整时长（加时或减时、吸收超时）。</translation>
    </message>
    <message>
        <source>Ended: this running order is what aired; it is on record and read-only.</source>
        <translation>已结束：这是实际播出的流程，已存档，只读。</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>新环节</translation>
    </message>
    <message>
        <source>Add a segment</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <source>Removed {count} segment(s). Ctrl+Z brings them back.</source>
        <translation>已删除 {count} 个环节。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Undo: {what} (Ctrl+Z)</source>
        <translation>撤销：{what}（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo: {what} (Ctrl+Shift+Z)</source>
        <translation>重做：{what}（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>The file is larger than {expected} bytes; it is not a running order.</source>
        <translation>文件超过 {expected} 字节，不是节目流程文件。</translation>
    </message>
    <message>
        <source>The text is not UTF-8, GBK or UTF-16. In Excel or WPS, save it as “CSV UTF-8”.</source>
        <translation>文本不是 UTF-8、GBK 或 UTF-16 编码。请在 Excel 或 WPS 中另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>More than {expected} segments; it is not a running order.</source>
        <translation>超过 {expected} 个环节，不是节目流程文件。</translation>
    </message>
    <message>
        <source>Longer than {expected} characters.</source>
        <translation>超过 {expected} 个字符。</translation>
    </message>
    <message>
        <source>Holds a control character ({value}); remove it.</source>
        <translation>含有控制字符（{value}），请删除。</translation>
    </message>
    <message>
        <source>This line is not valid CSV; check the quotation marks.</source>
        <translation>这一行不是有效的 CSV，请检查引号是否成对。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The first line must be the header: title, kind, duration, warning, danger, notes.</source>
        <translation>第一行必须是表头：title, kind, duration, warning, danger, notes（或 标题、类型、时长、提醒、紧急、提示）。</translation>
    </message>
    <message>
        <source>Unknown column “{value}”.</source>
        <translation>无法识别的列“{value}”。</translation>
    </message>
    <message>
        <source>This column appears twice in the header.</source>
        <translation>表头中这一列出现了两次。</translation>
    </message>
    <message>
        <source>The header lacks this column.</source>
        <translation>表头缺少这一列。</translation>
    </message>
    <message>
        <source>The file has a header but no segments.</source>
        <translation>文件只有表头，没有环节。</translation>
    </message>
    <message>
        <source>This line has {value} cells; the header has {expected}.</source>
        <translation>这一行有 {value} 个单元格，表头有 {expected} 个。</translation>
    </message>
    <message>
        <source>The title is empty.</source>
        <translation>标题为空。</translation>
    </message>
    <message>
        <source>The title is longer than {expected} characters.</source>
        <translation>标题超过 {expected} 个字符。</translation>
    </message>
    <message>
        <source>The title must be one line.</source>
        <translation>标题只能有一行。</translation>
    </message>
    <message>
        <source>Unknown kind “{value}”; use one of: {kinds}.</source>
        <translation>无法识别的类型“{value}”，请使用：{kinds}。</translation>
    </message>
    <message>
        <source>“{value}” is not a duration; write minutes:seconds, e.g. 05:00.</source>
        <translation>“{value}”不是时长，请写成 分:秒，例如 05:00。</translation>
    </message>
    <message>
        <source>The duration must be longer than 00:00.</source>
        <translation>时长必须大于 00:00。</translation>
    </message>
    <message>
        <source>{value} is longer than a day.</source>
        <translation>{value} 超过一天。</translation>
    </message>
    <message>
        <source>Danger at {value} must not be more than warning at {expected}.</source>
        <translation>紧急时间 {value} 不能大于提醒时间 {expected}。</translation>
    </message>
    <message>
        <source>Line {line}, {column}: {text}</source>
        <translation>第 {line} 行，{column}：{text}</translation>
    </message>
    <message>
        <source>Line {line}: {text}</source>
        <translation>第 {line} 行：{text}</translation>
    </message>
    <message>
        <source>{column}: {text}</source>
        <translation>{column}：{text}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>RundownFiles</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Apply template “{name}”</source>
        <translation>套用模板“{name}”</translation>
    </message>
    <message>
        <source>Applied the template “{name}”. Ctrl+Z restores the previous running order.</source>
        <translation>已套用模板“{name}”。按 Ctrl+Z 可恢复原来的节目流程。</translation>
    </message>
    <message>
        <source>The running order is empty: there is nothing to save.</source>
        <translation>节目流程是空的，没有可保存的内容。</translation>
    </message>
    <message>
        <source>{name} · {count} segments · {total}</source>
        <translation>{name} · {count} 个环节 · {total}</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>还没有模板</translation>
    </message>
    <message>
        <source>Saved the template “{name}”.</source>
        <translation>已保存模板“{name}”。</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>Imported {count} segments from {file}. Ctrl+Z restores the previous running order.</source>
        <translation>已从 {file} 导入 {count} 个环节。按 Ctrl+Z 可恢复原来的节目流程。</translation>
    </message>
    <message>
        <source>{file} was not imported: {count} problem(s). The running order is unchanged.</source>
        <translation>{file} 未导入：发现 {count} 处问题。节目流程没有任何改动。</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>…… 另有 {count} 处</translation>
    </message>
    <message>
        <source>Exported the running order to {path}.</source>
        <translation>节目流程已导出到 {path}。</translation>
    </message>
    <message>
        <source>Import a running order</source>
        <translation>导入节目流程</translation>
    </message>
    <message>
        <source>Export the running order</source>
        <translation>导出节目流程</translation>
    </message>
    <message>
        <source>running-order-{day}.csv</source>
        <translation>节目流程-{day}.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <source>Name of the template (a template of the same name is replaced):</source>
        <translation>模板名称（同名模板将被替换）：</translation>
    </message>
</context>
<context>
    <name>RundownTableModel</name>
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
        <source>Edit “{title}”</source>
        <translation>编辑“{title}”</translation>
    </message>
    <message>
        <source>Drag to reorder</source>
        <translation>拖动排序</translation>
    </message>
</context>
<context>
    <name>RundownTotals</name>
    <message>
        <source>No session today: there is no running order to edit.</source>
        <translation>今天没有直播场次，没有可编辑的节目流程。</translation>
    </message>
    <message>
        <source>{count} segments · total {total} · slot {slot} ({length})</source>
        <translation>{count} 个环节 · 合计 {total} · 时段 {slot}（{length}）</translation>
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
</context>
<context>
    <name>ScheduleFiles</name>
    <message>
        <source>schedule-{first}-{last}.csv</source>
        <translation>直播排期-{first}-{last}.csv</translation>
    </message>
    <message>
        <source>Export the schedule</source>
        <translation>导出排期</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{count} sessions written to {path}</source>
        <translation>已将 {count} 个场次写入 {path}</translation>
    </message>
    <message>
        <source>Import a schedule</source>
        <translation>导入排期</translation>
    </message>
    <message>
        <source>{count} problems in the file; nothing was imported</source>
        <translation>文件中有 {count} 处问题；未导入任何内容</translation>
    </message>
    <message>
        <source>Imported: {created} sessions created, {updated} changed</source>
        <translation>已导入：新建 {created} 个场次，修改 {updated} 个</translation>
    </message>
    <message>
        <source>Schedule files (*.csv *.xlsx)</source>
        <translation>排期文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ScheduleImportDialog</name>
    <message>
        <source>Import schedule</source>
        <translation>导入排期</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The file is valid. Importing it creates {created} sessions and changes {updated}; {unchanged} stay as they are. Nothing is stored until you import.</source>
        <translation>文件有效。导入将新建 {created} 个场次、修改 {updated} 个，{unchanged} 个保持不变。点击“导入”之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>The file is valid and changes nothing.</source>
        <translation>文件有效，但不会改变任何场次。</translation>
    </message>
    <message>
        <source>new session</source>
        <translation>新场次</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>The file has {count} problems and cannot be imported; nothing was stored.</source>
        <translation>文件有 {count} 处问题，无法导入；未保存任何内容。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>SchedulePages</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Red: day off (休: a weekday holiday) · Yellow: weekend day worked (班, make-up day) · Framed: a session, with its unit · Right-click a day: new session, holiday or working day</source>
        <translation>红色：休息日（休：工作日放假）· 黄色：周末上班（班，调休）· 加框：有场次，并注明单位 · 右键点日期：新建场次、设为休息日或工作日</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Make-up working day on a weekend</source>
        <translation>调休上班日（周末）</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>手动录入</translation>
    </message>
    <message>
        <source>(no topic yet)</source>
        <translation>（暂无主题）</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
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
        <source>All days</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>新建场次…</translation>
    </message>
    <message>
        <source>Plan a session on the selected day, today included (Ins)</source>
        <translation>在选中的日期安排一场（含今天）（Ins）</translation>
    </message>
    <message>
        <source>Generate 4 weeks from today…</source>
        <translation>从今天起排 4 周…</translation>
    </message>
    <message>
        <source>Undo generation</source>
        <translation>撤销生成</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>改期到</translation>
    </message>
    <message>
        <source>Preview announcement…</source>
        <translation>直播预告…</translation>
    </message>
    <message>
        <source>Edit session…</source>
        <translation>编辑场次…</translation>
    </message>
    <message>
        <source>Edit the selected session (Ctrl+E, Enter)</source>
        <translation>编辑所选场次（Ctrl+E、回车）</translation>
    </message>
    <message>
        <source>Prepare this session</source>
        <translation>准备此场次</translation>
    </message>
    <message>
        <source>Show the selected session and its running order on the left (Ctrl+P)</source>
        <translation>在左侧显示所选场次及其节目流程（Ctrl+P）</translation>
    </message>
    <message>
        <source>Undo edit</source>
        <translation>撤销编辑</translation>
    </message>
    <message>
        <source>Put the last edited session back (Ctrl+Z)</source>
        <translation>把刚编辑的场次恢复原样（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the shown month or week to a CSV or XLSX file</source>
        <translation>把当前显示的月或周导出为 CSV 或 XLSX 文件</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Read sessions from a CSV or XLSX file, with a preview</source>
        <translation>从 CSV 或 XLSX 文件读入场次（先预览）</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>编辑场次</translation>
    </message>
    <message>
        <source>New session on the selected day</source>
        <translation>在选中日期新建场次</translation>
    </message>
    <message>
        <source>Undo edit or generation</source>
        <translation>撤销编辑或排期</translation>
    </message>
    <message>
        <source>No official holiday data for {years} yet: the fixed holidays ({fixed}) are kept free, weekdays otherwise count as working days. Enter the Spring Festival, Qingming, Dragon Boat and Mid-Autumn holidays and the make-up working days by hand: right-click a day (or select it and press the menu key).</source>
        <translation>{years} 年的法定节假日尚未发布：固定节日（{fixed}）不排场次，其余周一至周五按工作日计。春节、清明、端午、中秋假期和调休上班日请手动录入：右键点击日期（或选中后按菜单键）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Session planned on {day}: {unit}</source>
        <translation>已在 {day} 安排场次：{unit}</translation>
    </message>
    <message>
        <source>{count} sessions created</source>
        <translation>已创建 {count} 场</translation>
    </message>
    <message>
        <source>{count} sessions removed</source>
        <translation>已删除 {count} 场</translation>
    </message>
    <message>
        <source>Moved to {day}</source>
        <translation>已改期到 {day}</translation>
    </message>
    <message>
        <source>Planning a session…</source>
        <translation>正在安排场次…</translation>
    </message>
    <message>
        <source>New session on {day}</source>
        <translation>在 {day} 新建场次</translation>
    </message>
    <message>
        <source>Mark as a day off (休)</source>
        <translation>设为休息日（休）</translation>
    </message>
    <message>
        <source>Mark as a working day (班)</source>
        <translation>设为工作日（班）</translation>
    </message>
    <message>
        <source>As the published calendar has it</source>
        <translation>按官方日历</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Edit undone</source>
        <translation>已撤销编辑</translation>
    </message>
    <message>
        <source>Saved: {day} {status}</source>
        <translation>已保存：{day} {status}</translation>
    </message>
</context>
<context>
    <name>SeatDialog</name>
    <message>
        <source>Who is at this seat?</source>
        <translation>谁在使用这个席位？</translation>
    </message>
    <message>
        <source>Your name and role go with every move you make, and the other seats see who is connected. This computer remembers them.</source>
        <translation>您的姓名和角色会记录在每一步操作中，其他席位也能看到谁在线。本机会记住它们。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>SeatsChip</name>
    <message>
        <source>+{count}</source>
        <extracomment>How many seats the chip names before &quot;+N&quot; (the tooltip names them all).</extracomment>
        <translation>等 {count} 人</translation>
    </message>
    <message>
        <source>Also here: {seats}</source>
        <translation>同时在线：{seats}</translation>
    </message>
    <message>
        <source>No other seat connected</source>
        <translation>没有其他席位在线</translation>
    </message>
    <message>
        <source>{seat} — since {time}</source>
        <translation>{seat} — {time} 起</translation>
    </message>
    <message>
        <source>Left recently:</source>
        <translation>最近离开：</translation>
    </message>
    <message>
        <source>{seat} — last seen {time}</source>
        <translation>{seat} — 最后在线 {time}</translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>Back to today</source>
        <translation>回到今天</translation>
    </message>
    <message>
        <source>Show today&apos;s session again (Ctrl+T)</source>
        <translation>重新显示今日场次（Ctrl+T）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Unit, official, topic, time and status of today&apos;s session</source>
        <translation>今日场次的单位、主讲人、主题、时间和状态</translation>
    </message>
    <message>
        <source>Unit, official, topic, time and status of this session</source>
        <translation>此场次的单位、主讲人、主题、时间和状态</translation>
    </message>
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
        <source>Session · {day} · {slot}</source>
        <translation>场次 · {day} · {slot}</translation>
    </message>
    <message>
        <source>Preparing {weekday} {date} — not today</source>
        <translation>正在准备 {weekday} {date} 的场次 — 不是今天</translation>
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
    <name>SessionDialog</name>
    <message>
        <source>Edit session</source>
        <translation>编辑场次</translation>
    </message>
    <message>
        <source>What the official talks about</source>
        <translation>主讲人本期谈什么</translation>
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
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start the running order from the standard one</source>
        <translation>按标准流程生成节目流程</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>a topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>an official</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>a running order</source>
        <translation>节目流程</translation>
    </message>
    <message>
        <source>Not ready yet: it needs {things}.</source>
        <translation>尚未就绪：还缺少{things}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Topic, official and running order ({count} segments) are there.</source>
        <translation>主题、主讲人和节目流程（{count} 个环节）均已齐备。</translation>
    </message>
    <message>
        <source>This session is {status} and can no longer be edited.</source>
        <translation>本场次状态为“{status}”，不能再编辑。</translation>
    </message>
    <message>
        <source>The session must end after it starts.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
</context>
<context>
    <name>SessionReportView</name>
    <message>
        <source>Choose a session to see its report.</source>
        <extracomment>The platform figures typed in per room: the table&apos;s editable columns, in order.</extracomment>
        <translation>选择一场直播查看报告。</translation>
    </message>
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
        <source>Distinct questions</source>
        <translation>问题（去重）</translation>
    </message>
    <message>
        <source>Answered on air</source>
        <translation>现场答复</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Left open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>办理率</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>The county head&apos;s remark</source>
        <translation>县领导点评</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>保存点评</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Viewers (platform)</source>
        <translation>观看人次（平台）</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <source>Mean watch (s)</source>
        <translation>平均观看时长（秒）</translation>
    </message>
    <message>
        <source>Save platform figures</source>
        <translation>保存平台数据</translation>
    </message>
    <message>
        <source>Comments per minute, the running order behind</source>
        <translation>每分钟评论（背景为环节）</translation>
    </message>
    <message>
        <source>Viewers online per room</source>
        <translation>各直播间在线人数</translation>
    </message>
    <message>
        <source>Questions by unit</source>
        <translation>各单位问题</translation>
    </message>
    <message>
        <source>Most asked</source>
        <translation>热门问题</translation>
    </message>
    <message>
        <source>Planned against actual</source>
        <translation>计划与实际时长</translation>
    </message>
    <message>
        <source>What became of the referrals</source>
        <translation>转办进展</translation>
    </message>
    <message>
        <source>The county head&apos;s review</source>
        <translation>县领导点评</translation>
    </message>
    <message>
        <source>The platforms&apos; own figures, typed in after the show</source>
        <translation>平台数据（直播后手工录入）</translation>
    </message>
    <message>
        <source>comments / minute</source>
        <translation>评论/分钟</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>distinct questions</source>
        <translation>问题（去重）</translation>
    </message>
    <message>
        <source>{n}. {text} ({count} asked)</source>
        <translation>{n}. {text}（{count} 人提问）</translation>
    </message>
    <message>
        <source>did not run</source>
        <translation>未进行</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Studio settings</source>
        <translation>直播间设置</translation>
    </message>
    <message>
        <source>e.g. 青山县</source>
        <translation>如：青山县</translation>
    </message>
    <message>
        <source>e.g. 青山</source>
        <translation>如：青山</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>选择标志…</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>不用标志</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>County name</source>
        <translation>县名</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>(default: --tz, STUDIO_TZ or Asia/Shanghai)</source>
        <translation>（默认：--tz、STUDIO_TZ 或 Asia/Shanghai）</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Default slot</source>
        <translation>默认时段</translation>
    </message>
    <message>
        <source> per 1,000 viewers</source>
        <translation> 个/千名观众</translation>
    </message>
    <message>
        <source>The period report marks a unit drawing fewer distinct questions per 1,000 viewers (studio report units uses it too, unless --threshold is given).</source>
        <translation>时段报告会标出每千名观众问题（去重）少于此数的单位（studio report units 也使用此值，除非给出 --threshold）。</translation>
    </message>
    <message>
        <source>Low engagement below</source>
        <translation>互动偏低标准</translation>
    </message>
    <message>
        <source>Referral deadlines (working days)</source>
        <translation>转办时限（工作日）</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存资料</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账号名称</translation>
    </message>
    <message>
        <source>Capture identity</source>
        <translation>采集标识</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>添加账号…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>This is the county&apos;s room</source>
        <translation>这是县政府的直播间</translation>
    </message>
    <message>
        <source>This is the department&apos;s room</source>
        <translation>这是部门的直播间</translation>
    </message>
    <message>
        <source>Broadcast accounts and their rooms</source>
        <translation>直播账号及其直播间</translation>
    </message>
    <message>
        <source>Export profile…</source>
        <translation>导出资料…</translation>
    </message>
    <message>
        <source>Import profile…</source>
        <translation>导入资料…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>求助</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Imported {path}</source>
        <translation>已导入 {path}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>County logo</source>
        <translation>县标志</translation>
    </message>
    <message>
        <source>{path} is not an image</source>
        <translation>{path} 不是图片</translation>
    </message>
    <message>
        <source>Export profile</source>
        <translation>导出资料</translation>
    </message>
    <message>
        <source>studio-profile.json</source>
        <translation>直播间配置.json</translation>
    </message>
    <message>
        <source>Import profile</source>
        <translation>导入资料</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No session today</source>
        <translation>今日无直播</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
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
        <source>County</source>
        <translation>县政府号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门号</translation>
    </message>
    <message>
        <source>Rooms: {states}</source>
        <translation>直播间：{states}</translation>
    </message>
    <message>
        <source>Phones: {count} registered</source>
        <translation>手机：已登记 {count} 台</translation>
    </message>
    <message>
        <source>Overdue referrals: {count}</source>
        <translation>转办超期：{count}</translation>
    </message>
    <message>
        <source>Tickets past their deadline while the unit&apos;s clock runs (Referrals, Ctrl+4)</source>
        <translation>承办单位办理中、已过办理时限的工单（转办，Ctrl+4）</translation>
    </message>
    <message>
        <source>Offline — other seats&apos; changes show when the database is back</source>
        <translation>离线 — 数据库恢复后显示其他席位的改动</translation>
    </message>
    <message>
        <source>The connection to the database was lost; Studio Desk reconnects by itself and then shows everything changed meanwhile. Moves made now may be refused.</source>
        <translation>与数据库的连接已断开；Studio Desk 会自动重连，并显示期间的所有改动。现在的操作可能被拒绝。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Problem: {text}</source>
        <translation>问题：{text}</translation>
    </message>
</context>
<context>
    <name>StudioFileDialog</name>
    <message>
        <source>Studio Desk</source>
        <translation>问政直播台</translation>
    </message>
    <message>
        <source>{file} is the studio&apos;s live database. Choose another file: it is never read or written from here.</source>
        <translation>{file} 是直播台正在使用的数据库，不能在这里读取或写入。请选择其他文件。</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <source>Dispatch to a unit…</source>
        <extracomment>The key of each move, in the order the menu and the buttons show them.</extracomment>
        <translation>派单到单位…</translation>
    </message>
    <message>
        <source>Signed for by the unit</source>
        <translation>单位已签收</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <source>Call back…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Returned by the unit…</source>
        <translation>单位退回…</translation>
    </message>
    <message>
        <source>More time asked…</source>
        <translation>申请延期…</translation>
    </message>
    <message>
        <source>Grant the extension</source>
        <translation>同意延期</translation>
    </message>
    <message>
        <source>Refuse the extension</source>
        <translation>不同意延期</translation>
    </message>
    <message>
        <source>Urge the unit…</source>
        <translation>督办…</translation>
    </message>
    <message>
        <source>Show contact (audited)</source>
        <translation>查看联系方式（留痕）</translation>
    </message>
    <message>
        <source>Copy card</source>
        <translation>复制转办卡片</translation>
    </message>
    <message>
        <source>Save card…</source>
        <translation>保存转办卡片…</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Askers</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Moderator&apos;s note</source>
        <translation>导播备注</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Revealed</source>
        <translation>查看记录</translation>
    </message>
    <message>
        <source>In the feed</source>
        <translation>弹幕上下文</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>席位</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Select a ticket to see it in full.</source>
        <translation>选择一件工单查看详情。</translation>
    </message>
    <message>
        <source>{seat} at {time}</source>
        <translation>{seat}，{time}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>无</translation>
    </message>
    <message>
        <source>(none left with the ticket)</source>
        <translation>（未留联系方式）</translation>
    </message>
    <message>
        <source>{name} ({id}): {text}</source>
        <translation>{name}（{id}）：{text}</translation>
    </message>
    <message>
        <source>{count} viewers asked this: {names}</source>
        <translation>{count} 位网友问了同一问题：{names}</translation>
    </message>
    <message>
        <source>one viewer</source>
        <translation>1 位网友</translation>
    </message>
    <message>
        <source>no reply yet</source>
        <translation>尚未答复</translation>
    </message>
    <message>
        <source>{days} working days overdue</source>
        <translation>超期 {days} 个工作日</translation>
    </message>
    <message>
        <source>{days} working days left</source>
        <translation>剩 {days} 个工作日</translation>
    </message>
    <message>
        <source>more time asked until {date}</source>
        <translation>申请延期至 {date}</translation>
    </message>
    <message>
        <source>urged {count} times</source>
        <translation>已督办 {count} 次</translation>
    </message>
    <message>
        <source>returned: {reason}</source>
        <translation>退回理由：{reason}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无昵称）</translation>
    </message>
</context>
<context>
    <name>TimerService</name>
    <message>
        <source>There is no session to time today.</source>
        <extracomment>The clock&apos;s operations asked from outside (:meth:`TimerService.perform`), by name; each takes the operation&apos;s argument (seconds to add, a segment&apos;s index) and gives the change. The official&apos;s screen&apos;s operations asked from outside, by name (the argument: a note&apos;s text).</extracomment>
        <translation>今天没有需要计时的直播。</translation>
    </message>
    <message>
        <source>Timer: {reason}</source>
        <translation>计时：{reason}</translation>
    </message>
    <message>
        <source>Timer not saved: {error}</source>
        <translation>计时未能保存：{error}</translation>
    </message>
</context>
<context>
    <name>TimerWords</name>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Almost over</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Paused · {phase}</source>
        <translation>已暂停 · {phase}</translation>
    </message>
    <message>
        <source>Ended at {time}</source>
        <translation>{time} 结束</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>{time} late</source>
        <translation>晚 {time}</translation>
    </message>
    <message>
        <source>{time} early</source>
        <translation>提前 {time}</translation>
    </message>
    <message>
        <source>Ends about {time} · {verdict}</source>
        <translation>预计 {time} 结束 · {verdict}</translation>
    </message>
</context>
<context>
    <name>TransportPanel</name>
    <message>
        <source>Go</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1 分钟</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 分钟</translation>
    </message>
    <message>
        <source>Absorb overrun</source>
        <translation>吸收超时</translation>
    </message>
    <message>
        <source>Shrink the later segments so that the session still ends on time</source>
        <translation>按比例压缩后续环节，使直播仍按时结束</translation>
    </message>
    <message>
        <source>No session to time today</source>
        <translation>今天没有需要计时的直播</translation>
    </message>
    <message>
        <source>{number}/{count} · {title}</source>
        <translation>{number}/{count} · {title}</translation>
    </message>
    <message>
        <source>Planned {planned} · elapsed {elapsed}</source>
        <translation>计划 {planned} · 已用 {elapsed}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Paused: the clock is stopped (F6 resumes)</source>
        <translation>已暂停：计时停止（F6 继续）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Not live yet · planned start {time} in {left}</source>
        <translation>尚未开播 · 计划 {time} 开始，还有 {left}</translation>
    </message>
    <message>
        <source>Not live yet · planned start {time} was {late} ago (F5 goes live)</source>
        <translation>尚未开播 · 计划开始时间 {time} 已过 {late}（F5 开播）</translation>
    </message>
</context>
<context>
    <name>UnassignedRooms</name>
    <message>
        <source>Unassigned room: {platform} {identity} sends comments. Whose room is it?</source>
        <translation>未指定的直播间：{platform} {identity} 有留言进来。这是谁的直播间？</translation>
    </message>
    <message>
        <source>The county&apos;s room</source>
        <translation>县政府的直播间</translation>
    </message>
    <message>
        <source>The department&apos;s room</source>
        <translation>部门的直播间</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Routing keywords</source>
        <translation>分派关键词</translation>
    </message>
    <message>
        <source>e.g. 供暖、物业、停水</source>
        <translation>例如 供暖、物业、停水</translation>
    </message>
    <message>
        <source>The live feed suggests this unit for comments that mention a keyword. Separate them with 、 , ， or spaces.</source>
        <translation>直播留言提到关键词时，会建议分派给本单位。关键词之间用 、 , ， 或空格分隔。</translation>
    </message>
    <message>
        <source>Add a unit</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>Edit the unit</source>
        <translation>编辑单位</translation>
    </message>
</context>
<context>
    <name>UnitsFiles</name>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 另有 {n} 条</translation>
    </message>
    <message>
        <source>{file} was not imported (nothing changed):</source>
        <translation>{file} 未导入（未做任何更改）：</translation>
    </message>
    <message>
        <source>line {line}, column {column}:</source>
        <translation>第 {line} 行，{column} 列：</translation>
    </message>
    <message>
        <source>line {line}:</source>
        <translation>第 {line} 行：</translation>
    </message>
    <message>
        <source>Imported {file}: {added} unit(s) added, {changed} changed.</source>
        <translation>已导入 {file}：新增 {added} 个单位，修改 {changed} 个。</translation>
    </message>
    <message>
        <source>Wrote {count} unit(s) to {file}.</source>
        <translation>已将 {count} 个单位写入 {file}。</translation>
    </message>
    <message>
        <source>Import units</source>
        <translation>导入单位</translation>
    </message>
    <message>
        <source>Export units</source>
        <translation>导出单位</translation>
    </message>
    <message>
        <source>units.xlsx</source>
        <translation>单位.xlsx</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.csv)</source>
        <translation>表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Routing keywords</source>
        <translation>分派关键词</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Ins add · Enter edit · Del retire or restore · Ctrl+Z undo. Retired units leave the rota and the feed&apos;s suggestions; past sessions keep them.</source>
        <translation>Ins 添加 · Enter 编辑 · Del 停用或恢复 · Ctrl+Z 撤销。停用的单位不再参加轮值，也不再作为留言分派建议；以往场次仍保留。</translation>
    </message>
    <message>
        <source>Officials of {unit}</source>
        <translation>{unit}的领导</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>Day</source>
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
        <source>Week {number}: {first} – {last}</source>
        <translation>第 {number} 周：{first} – {last}</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>(no session)</source>
        <translation>（无场次）</translation>
    </message>
    <message>
        <source>(no topic yet)</source>
        <translation>（暂无主题）</translation>
    </message>
</context>
<context>
    <name>_Channel</name>
    <message>
        <source>Copy text</source>
        <translation>复制文案</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Text to publish</source>
        <translation>发布文案</translation>
    </message>
    <message>
        <source>Unknown placeholders, left as written: {names}</source>
        <translation>未知占位符（已原样保留）：{names}</translation>
    </message>
    <message>
        <source>Still empty: {names}</source>
        <translation>尚未填写：{names}</translation>
    </message>
</context>
</TS>
