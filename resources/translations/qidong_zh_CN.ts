<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DomainText</name>
    <message>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>在线聊天</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回呼</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>保持中</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Not Ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>After-call work</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <translation>外呼</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>登录失败次数过多，请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>会话已结束，请重新登录。</translation>
    </message>
    <message>
        <source>Cannot reach the hub. Check the address and your network.</source>
        <translation>无法连接服务中心，请检查地址和网络。</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>服务中心未及时响应。</translation>
    </message>
    <message>
        <source>The hub is restarting. Try again in a moment.</source>
        <translation>服务中心正在重启，请稍后重试。</translation>
    </message>
    <message>
        <source>This desktop is too old or too new for the hub. Please update.</source>
        <translation>桌面版本与服务中心不兼容，请更新。</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <source>That is not possible right now.</source>
        <translation>当前无法执行此操作。</translation>
    </message>
    <message>
        <source>The hub could not save the change. Nothing was changed.</source>
        <translation>服务中心无法保存更改，未做任何改动。</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>出错了（%1）。</translation>
    </message>
    <message>
        <source>No phone line: the hub has no telephone trunk connected.</source>
        <translation>没有电话线路：中心服务器未连接电话中继。</translation>
    </message>
    <message>
        <source>The customer cannot be reached: they left the web page and there is no phone line to call them on.</source>
        <translation>无法联系到客户：客户已离开网页，且没有可拨打的电话线路。</translation>
    </message>
</context>
<context>
    <name>RecordingPlayback</name>
    <message>
        <source>The sound device %1 stopped.</source>
        <translation>音频设备 %1 已停止。</translation>
    </message>
    <message>
        <source>The sound device cannot be opened.</source>
        <translation>无法打开音频设备。</translation>
    </message>
</context>
<context>
    <name>qidong::app::SignInFlow</name>
    <message>
        <source>Link not followed: %1</source>
        <translation>未打开链接：%1</translation>
    </message>
</context>
<context>
    <name>qidong::core::ChatDesk</name>
    <message>
        <source>Files of type %1 cannot be sent. Allowed: images, PDF and plain text.</source>
        <translation>不能发送 %1 类型的文件。可发送：图片、PDF 和纯文本。</translation>
    </message>
    <message>
        <source>The file is %1 KiB; at most %2 KiB can be sent.</source>
        <translation>文件大小为 %1 KiB，最多可发送 %2 KiB。</translation>
    </message>
</context>
<context>
    <name>qidong::core::CredentialStore</name>
    <message>
        <source>No keychain service is available, so Qidong cannot remember your sign-in. You can still sign in; you will be asked for your password next time.</source>
        <translation>没有可用的密钥环服务，契动无法记住您的登录。您仍可登录，下次需要重新输入密码。</translation>
    </message>
    <message>
        <source>The keychain refused access, so Qidong cannot remember your sign-in.</source>
        <translation>密钥环拒绝访问，契动无法记住您的登录。</translation>
    </message>
    <message>
        <source>The keychain failed (%1), so Qidong cannot remember your sign-in.</source>
        <translation>密钥环出错（%1），契动无法记住您的登录。</translation>
    </message>
</context>
<context>
    <name>qidong::core::MonitorDesk</name>
    <message>
        <source>Finish your own call first: the headset is in use.</source>
        <translation>请先结束您自己的通话：耳机正在使用中。</translation>
    </message>
</context>
<context>
    <name>qidong::models::AlertListModel</name>
    <message>
        <source>%1 asks for help</source>
        <translation>%1 请求组长协助</translation>
    </message>
    <message>
        <source>%1 asks for help: %2</source>
        <translation>%1 请求组长协助：%2</translation>
    </message>
    <message>
        <source>%1 reports an abusive customer</source>
        <translation>%1 报告客户辱骂</translation>
    </message>
    <message>
        <source>%1 reports an abusive customer: %2</source>
        <translation>%1 报告客户辱骂：%2</translation>
    </message>
    <message>
        <source>%1 may miss its service level (%2)</source>
        <translation>%1 可能达不到服务水平（%2）</translation>
    </message>
    <message>
        <source>%1 has waited past the SLA in %2</source>
        <translation>%1 在 %2 的等待已超出 SLA</translation>
    </message>
    <message>
        <source>%1 is long in after-call work (%2)</source>
        <translation>%1 话后处理时间过长（%2）</translation>
    </message>
    <message>
        <source>%1 is long Not Ready (%2)</source>
        <translation>%1 未就绪时间过长（%2）</translation>
    </message>
    <message>
        <source>Public post by %1 in %2</source>
        <translation>%1 在 %2 公开发帖</translation>
    </message>
    <message>
        <source>Flagged words in %1: %2</source>
        <translation>%1 中出现敏感词：%2</translation>
    </message>
</context>
<context>
    <name>qidong::models::FloorRosterModel</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>Working on</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>AHT</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>(disconnected)</source>
        <translation>（已断线）</translation>
    </message>
</context>
<context>
    <name>qidong::models::InteractionListModel</name>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>服务时限</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
</context>
<context>
    <name>qidong::models::ReviewListModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>小结代码</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>质检</translation>
    </message>
</context>
<context>
    <name>qidong::models::TimelineModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>小结</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
</context>
<context>
    <name>qidong::ui::AboutDialog</name>
    <message>
        <source>the application framework</source>
        <translation>应用程序框架</translation>
    </message>
    <message>
        <source>remembering sign-ins in the keychain</source>
        <translation>在密钥环中记住登录</translation>
    </message>
    <message>
        <source>resampling audio</source>
        <translation>音频重采样</translation>
    </message>
    <message>
        <source>echo cancellation and noise suppression</source>
        <translation>回声消除和降噪</translation>
    </message>
    <message>
        <source>About Qidong</source>
        <translation>关于契动</translation>
    </message>
    <message>
        <source>Qidong %1 (契动), the agent desktop. Qt %2.</source>
        <translation>契动 %1，坐席工作台。Qt %2。</translation>
    </message>
    <message>
        <source>Built on these parts, each under its own license:</source>
        <translation>基于以下组件构建，各自遵循其许可证：</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>the voice codec and playing recordings</source>
        <translation>语音编解码与录音播放</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ChatPane</name>
    <message>
        <source>No conversation selected</source>
        <translation>未选择会话</translation>
    </message>
</context>
<context>
    <name>qidong::ui::Composer</name>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>附件…</translation>
    </message>
    <message>
        <source>Canned…</source>
        <translation>快捷回复…</translation>
    </message>
    <message>
        <source>Write a reply — Ctrl+Enter sends, / for canned responses</source>
        <translation>输入回复——Ctrl+Enter 发送，输入 / 调出快捷回复</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>The message is too long (%1 characters; at most %2).</source>
        <translation>消息过长（%1 个字符，最多 %2 个）。</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Images, PDF and text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt)</source>
        <translation>图片、PDF 和文本 (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ConnectionIndicator</name>
    <message>
        <source>Connection to the hub</source>
        <translation>与服务中心的连接</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● 正在连接…</translation>
    </message>
    <message>
        <source>● Connection lost. Reconnecting in %1 s (attempt %2)…</source>
        <translation>● 连接中断，%1 秒后重连（第 %2 次）…</translation>
    </message>
    <message>
        <source>● Connection lost. Reconnecting now (attempt %1)…</source>
        <translation>● 连接中断，正在重连（第 %1 次）…</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <source>● Offline: %1</source>
        <translation>● 离线：%1</translation>
    </message>
    <message>
        <source>● Signed out: %1</source>
        <translation>● 已退出：%1</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ConversationView</name>
    <message>
        <source>The customer is typing…</source>
        <translation>客户正在输入…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>转接…</translation>
    </message>
    <message>
        <source>End chat</source>
        <translation>结束会话</translation>
    </message>
    <message>
        <source>public post</source>
        <translation>公开帖子</translation>
    </message>
    <message>
        <source>Transfer note: %1</source>
        <translation>转接备注：%1</translation>
    </message>
    <message>
        <source>SLA %1</source>
        <translation>时限 %1</translation>
    </message>
    <message>
        <source>SLA −%1</source>
        <translation>超时 −%1</translation>
    </message>
    <message>
        <source>Earlier contacts (%1):</source>
        <translation>历史接触（%1）：</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>需跟进</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Call customer</source>
        <translation>呼叫客户</translation>
    </message>
    <message>
        <source>Call this customer now on the web page they chat from</source>
        <translation>立即通过客户正在聊天的网页给其打电话</translation>
    </message>
</context>
<context>
    <name>qidong::ui::CustomerPane</name>
    <message>
        <source>Platinum</source>
        <translation>白金</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved, customer not told yet</source>
        <translation>已解决，尚未告知客户</translation>
    </message>
    <message>
        <source>Closed, customer told</source>
        <translation>已关闭，已告知客户</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>No conversation selected</source>
        <translation>未选择会话</translation>
    </message>
    <message>
        <source>Loading customer…</source>
        <translation>正在加载客户信息…</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show in full; the hub records who looked</source>
        <translation>显示完整信息；系统会记录查看人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>其他身份</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>加载更早记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Close the &amp;loop…</source>
        <translation>闭环回访(&amp;L)…</translation>
    </message>
    <message>
        <source>Tell the customer the outcome over their preferred channel</source>
        <translation>通过客户偏好的渠道告知处理结果</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>A note on this customer for everyone who serves them</source>
        <translation>给所有服务该客户的同事看的备注</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 · value %2 · prefers %3 · %4</source>
        <translation>%1 · 价值 %2 · 偏好 %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>NPS %1 (%n answer(s))</source>
        <translation>
            <numerusform>NPS %1（%n 条评价）</numerusform>
        </translation>
    </message>
    <message>
        <source>NPS: no answers yet</source>
        <translation>NPS：暂无评价</translation>
    </message>
    <message>
        <source>offers: %1 of %2 accepted (%3%)</source>
        <translation>推荐：%2 次中接受 %1 次（%3%）</translation>
    </message>
    <message>
        <source>no offers made yet</source>
        <translation>尚未推荐</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 次接触</numerusform>
        </translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>本公司</translation>
    </message>
    <message>
        <source>— %1, %2</source>
        <translation>— %1，%2</translation>
    </message>
    <message>
        <source>Only a resolved case can be closed with the customer</source>
        <translation>只有已解决的工单才能闭环回访</translation>
    </message>
    <message>
        <source>Close the loop</source>
        <translation>闭环回访</translation>
    </message>
    <message>
        <source>What the customer will be told:</source>
        <translation>将告知客户的内容：</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>呼叫(&amp;C)</translation>
    </message>
    <message>
        <source>Ring the customer&apos;s phone; the number stays hidden</source>
        <translation>拨打客户电话；号码不显示</translation>
    </message>
    <message>
        <source>Add identity…</source>
        <translation>添加身份…</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Another record is this same person: bring it into this one</source>
        <translation>另一条记录是同一个人：合并到本记录</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Add identity</source>
        <translation>添加身份</translation>
    </message>
    <message>
        <source>Merge with another record</source>
        <translation>与另一条记录合并</translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation>合并记录</translation>
    </message>
    <message>
        <source>The record found by %1 becomes part of %2: contacts, notes and cases together. This is recorded and can be undone.</source>
        <translation>通过 %1 找到的记录将并入 %2：接触记录、备注和工单合在一起。此操作会被记录，可以撤销。</translation>
    </message>
    <message>
        <source>Double-click a recorded call (●) to listen</source>
        <translation>双击有录音的通话（●）收听</translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Weibo handle</source>
        <translation>微博账号</translation>
    </message>
    <message>
        <source>Which identity:</source>
        <translation>哪种身份：</translation>
    </message>
</context>
<context>
    <name>qidong::ui::IntradayChart</name>
    <message>
        <source>All queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <source>Today by half hour</source>
        <translation>今日（每半小时）</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>来访量</translation>
    </message>
    <message>
        <source>Service level %</source>
        <translation>服务水平 %</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
</context>
<context>
    <name>qidong::ui::KnowledgePane</name>
    <message>
        <source>Suggested for this conversation</source>
        <translation>本次会话的推荐文章</translation>
    </message>
    <message>
        <source>&amp;Insert into reply</source>
        <translation>插入回复(&amp;I)</translation>
    </message>
    <message>
        <source>Send &amp;link</source>
        <translation>发送链接(&amp;L)</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>有帮助</translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation>没有帮助</translation>
    </message>
    <message>
        <source>Search knowledge (Ctrl+K)</source>
        <translation>搜索知识库（Ctrl+K）</translation>
    </message>
    <message>
        <source>Open an article to read it here.</source>
        <translation>打开一篇文章，在这里阅读。</translation>
    </message>
    <message>
        <source>Put the answer into the reply being written</source>
        <translation>把答案放进正在编写的回复</translation>
    </message>
    <message>
        <source>Send the customer a link to this article</source>
        <translation>把这篇文章的链接发给客户</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No articles found</source>
        <translation>没有找到文章</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s), some matching only part of the search</source>
        <translation>
            <numerusform>%n 篇文章，部分只匹配了一部分搜索词</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions follow the conversation shown</source>
        <translation>推荐文章随所显示的会话变化</translation>
    </message>
    <message>
        <source>Thank you. %1 found it helpful, %2 did not.</source>
        <translation>谢谢。%1 人认为有帮助，%2 人认为没有。</translation>
    </message>
    <message>
        <source>for agents only</source>
        <translation>仅供坐席</translation>
    </message>
    <message>
        <source>customers may read it</source>
        <translation>客户可阅读</translation>
    </message>
    <message>
        <source>Version %1, %2; %3 found it helpful</source>
        <translation>第 %1 版，%2；%3 人认为有帮助</translation>
    </message>
</context>
<context>
    <name>qidong::ui::MessageDelegate</name>
    <message>
        <source>The conversation was transferred</source>
        <translation>会话已转接</translation>
    </message>
    <message>
        <source>The conversation ended</source>
        <translation>会话已结束</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>Whisper: not shown to the customer</source>
        <translation>密语：客户看不到</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
</context>
<context>
    <name>qidong::ui::MonitorPanel</name>
    <message>
        <source>Whisper to agent</source>
        <translation>密语给坐席</translation>
    </message>
    <message>
        <source>Send to customer</source>
        <translation>发给客户</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation>密语</translation>
    </message>
    <message>
        <source>Barge in</source>
        <translation>强插</translation>
    </message>
    <message>
        <source>Stop monitoring</source>
        <translation>停止监控</translation>
    </message>
    <message>
        <source>%1 (consulted)</source>
        <translation>%1（被咨询）</translation>
    </message>
    <message>
        <source>Monitoring %1 with %2 · %3 · %4</source>
        <translation>正在监控 %1：%2 · %3 · %4</translation>
    </message>
    <message>
        <source>Listening: nobody hears or sees you.</source>
        <translation>监听中：没有人能听到或看到您。</translation>
    </message>
    <message>
        <source>Whispering: only the agent hears or reads you.</source>
        <translation>密语中：只有坐席能听到或看到您。</translation>
    </message>
    <message>
        <source>Barged in: the customer hears or reads you too.</source>
        <translation>已强插：客户也能听到或看到您。</translation>
    </message>
    <message>
        <source>The call is in your headset.</source>
        <translation>通话已接入您的耳机。</translation>
    </message>
    <message>
        <source>Finish your own call to hear this one.</source>
        <translation>结束您自己的通话后才能收听此通话。</translation>
    </message>
    <message>
        <source>The agent is told.</source>
        <translation>坐席会收到提示。</translation>
    </message>
    <message>
        <source>Switch to whisper to coach the agent</source>
        <translation>切换到密语以辅导坐席</translation>
    </message>
    <message>
        <source>A note for the agent, or for the customer once joined</source>
        <translation>给坐席的提示；强插后也可发给客户</translation>
    </message>
</context>
<context>
    <name>qidong::ui::MonitoredIndicator</name>
    <message>
        <source>%1 is listening in</source>
        <translation>%1 正在监听</translation>
    </message>
    <message>
        <source>%1 is coaching you</source>
        <translation>%1 正在辅导您</translation>
    </message>
    <message>
        <source>%1 joined the conversation</source>
        <translation>%1 已加入会话</translation>
    </message>
</context>
<context>
    <name>qidong::ui::OfferToast</name>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Incoming offer</source>
        <translation>新的分配</translation>
    </message>
    <message>
        <source>Accept the offer</source>
        <translation>接受分配</translation>
    </message>
    <message>
        <source>Reject the offer</source>
        <translation>拒绝分配</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) to answer</source>
        <translation>
            <numerusform>剩余 %n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qidong::ui::PreferenceMatrix</name>
    <message>
        <source>Contacts by channel and time of day</source>
        <translation>各渠道各时段的接触次数</translation>
    </message>
    <message>
        <source>Contacts at 0-6 / 6-12 / 12-18 / 18-24 h</source>
        <translation>0-6 / 6-12 / 12-18 / 18-24 时的接触次数</translation>
    </message>
</context>
<context>
    <name>qidong::ui::QueueTile</name>
    <message>
        <source>Click to see who is waiting; right-click to set thresholds</source>
        <translation>单击查看排队客户；右键设置阈值</translation>
    </message>
    <message>
        <source>0 waiting</source>
        <translation>0 人排队</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting · longest %1</source>
        <translation>
            <numerusform>%n 人排队 · 最长 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>SL %1 · ASA %2 · AHT %3</source>
        <translation>服务水平 %1 · 平均应答 %2 · 平均处理 %3</translation>
    </message>
    <message>
        <source>Offered %1 · answered %2 · abandoned %3
Ready %4 · busy %5 · wrap-up %6 · not ready %7
NPS today %8 / week %9 · conversion today %10 / week %11</source>
        <translation>进线 %1 · 接通 %2 · 放弃 %3
就绪 %4 · 忙碌 %5 · 话后 %6 · 未就绪 %7
NPS 今日 %8 / 本周 %9 · 转化 今日 %10 / 本周 %11</translation>
    </message>
    <message>
        <source>Waiting interactions…</source>
        <translation>排队中的会话…</translation>
    </message>
    <message>
        <source>Thresholds…</source>
        <translation>阈值…</translation>
    </message>
</context>
<context>
    <name>qidong::ui::RecordingPlayer</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>录音播放位置</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>无法播放录音：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The recording cannot be fetched: %1</source>
        <translation>无法获取录音：%1</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ReviewPane</name>
    <message>
        <source>Save scorecard</source>
        <translation>保存评分</translation>
    </message>
    <message>
        <source>Calls and chats</source>
        <translation>通话和会话</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Chats and messages</source>
        <translation>会话和消息</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
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
        <source>Scorecard</source>
        <translation>质检评分表</translation>
    </message>
    <message>
        <source>What went well, what to coach</source>
        <translation>做得好的地方，需要辅导的地方</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s) found</source>
        <translation>
            <numerusform>找到 %n 条接触记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Scorecard saved: %1 %</source>
        <translation>评分已保存：%1 %</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>开场问候</translation>
    </message>
    <message>
        <source>Understood the need</source>
        <translation>理解客户需求</translation>
    </message>
    <message>
        <source>Accurate information</source>
        <translation>信息准确</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>问题解决</translation>
    </message>
    <message>
        <source>Compliance and privacy</source>
        <translation>合规与隐私保护</translation>
    </message>
    <message>
        <source>Courtesy and empathy</source>
        <translation>礼貌与同理心</translation>
    </message>
    <message>
        <source>Every agent</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>Every queue</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <source>Every disposition</source>
        <translation>全部小结代码</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Choose an interaction to review.</source>
        <translation>请选择一条接触记录进行质检。</translation>
    </message>
    <message>
        <source>%1 with %2, handled by %3</source>
        <translation>%1：%2，由 %3 处理</translation>
    </message>
    <message>
        <source>This call has no recording.</source>
        <translation>此通话没有录音。</translation>
    </message>
    <message>
        <source>Total: %1 %</source>
        <translation>总分：%1 %</translation>
    </message>
</context>
<context>
    <name>qidong::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Ring on</source>
        <translation>振铃设备</translation>
    </message>
    <message>
        <source>Default output</source>
        <translation>默认输出</translation>
    </message>
    <message>
        <source>Ring volume</source>
        <translation>振铃音量</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Ring &amp;on:</source>
        <translation>振铃设备(&amp;O)：</translation>
    </message>
    <message>
        <source>Ring &amp;volume:</source>
        <translation>振铃音量(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Default input</source>
        <translation>默认输入</translation>
    </message>
    <message>
        <source>Call speaker</source>
        <translation>通话扬声器</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>麦克风(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>Play a test tone on the call speaker</source>
        <translation>在通话扬声器上播放测试音</translation>
    </message>
    <message>
        <source>Call &amp;speaker:</source>
        <translation>通话扬声器(&amp;S)：</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>麦克风电平</translation>
    </message>
    <message>
        <source>&amp;Echo cancellation</source>
        <translation>回声消除(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Noise suppression</source>
        <translation>降噪(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Automatic gain</source>
        <translation>自动增益(&amp;A)</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>语音：</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>由贵单位统一设置</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ShellWindow</name>
    <message>
        <source>Qidong Agent Desktop — %1</source>
        <translation>契动坐席桌面 — %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>My interactions</source>
        <translation>我的会话</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>No conversation selected</source>
        <translation>未选择会话</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>工作(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>接受分配(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject offer</source>
        <translation>拒绝分配(&amp;R)</translation>
    </message>
    <message>
        <source>Set &amp;Ready</source>
        <translation>置为就绪(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;End interaction</source>
        <translation>结束会话(&amp;E)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Incoming offer</source>
        <translation>新的分配</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>挂断(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Mute / unmute</source>
        <translation>静音 / 取消静音(&amp;M)</translation>
    </message>
    <message>
        <source>H&amp;old / resume</source>
        <translation>保持 / 恢复(&amp;O)</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <source>Mute / unmute</source>
        <translation>静音 / 取消静音</translation>
    </message>
    <message>
        <source>Keys that work from other applications are not available on this desktop (Wayland, macOS).</source>
        <translation>此桌面环境（Wayland、macOS）不支持在其他应用中使用的快捷键。</translation>
    </message>
    <message>
        <source>Another program holds %1: those keys work only in Qidong.</source>
        <translation>%1 已被其他程序占用：这些快捷键仅在契动窗口内有效。</translation>
    </message>
    <message>
        <source>From any application:</source>
        <translation>在任何应用中：</translation>
    </message>
    <message>
        <source>Search &amp;knowledge</source>
        <translation>搜索知识库(&amp;K)</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Your team lead has been told.</source>
        <translation>已通知组长。</translation>
    </message>
    <message>
        <source>Ask team lead for &amp;help</source>
        <translation>请求组长协助(&amp;H)</translation>
    </message>
    <message>
        <source>Report abusive &amp;customer</source>
        <translation>报告客户辱骂(&amp;C)</translation>
    </message>
    <message>
        <source>Floor alert</source>
        <translation>现场告警</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>&amp;About Qidong</source>
        <translation>关于契动(&amp;A)</translation>
    </message>
</context>
<context>
    <name>qidong::ui::SignInDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>在此电脑上记住我(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Sign in to Qidong</source>
        <translation>登录契动</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>服务中心地址</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Keeps a sign-in token in the system keychain, never your password.</source>
        <translation>在系统密钥环中保存登录令牌，绝不保存密码。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <source>&amp;Hub:</source>
        <translation>服务中心(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>The hub address must start with ws:// or wss://.</source>
        <translation>服务中心地址必须以 ws:// 或 wss:// 开头。</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>由贵单位统一设置</translation>
    </message>
</context>
<context>
    <name>qidong::ui::SoftphonePane</name>
    <message>
        <source>Microphone level</source>
        <translation>麦克风音量</translation>
    </message>
    <message>
        <source>Speaker level</source>
        <translation>扬声器音量</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>保持(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Keypad</source>
        <translation>拨号盘(&amp;K)</translation>
    </message>
    <message>
        <source>Hang &amp;up</source>
        <translation>挂断(&amp;U)</translation>
    </message>
    <message>
        <source>Hold the call</source>
        <translation>保持通话</translation>
    </message>
    <message>
        <source>Mute the microphone</source>
        <translation>麦克风静音</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <source>Mic</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>扬声器</translation>
    </message>
    <message>
        <source>Customer pressed: %1</source>
        <translation>客户按键：%1</translation>
    </message>
    <message>
        <source>Un&amp;mute</source>
        <translation>取消静音(&amp;M)</translation>
    </message>
    <message>
        <source>Audio reconnecting…</source>
        <translation>语音正在重连…</translation>
    </message>
    <message>
        <source>Microphone &quot;%1&quot; is gone; using &quot;%2&quot;.</source>
        <translation>麦克风“%1”已断开，改用“%2”。</translation>
    </message>
    <message>
        <source>Speaker &quot;%1&quot; is gone; using &quot;%2&quot;.</source>
        <translation>扬声器“%1”已断开，改用“%2”。</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>按键 %1</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>无通话</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>On hold — the customer hears music</source>
        <translation>保持中——客户正在听等待音乐</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause recording</source>
        <translation>暂停录音(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume the call recording</source>
        <translation>暂停或恢复通话录音</translation>
    </message>
    <message>
        <source>Resume &amp;recording</source>
        <translation>恢复录音(&amp;R)</translation>
    </message>
    <message>
        <source>Recording paused</source>
        <translation>录音已暂停</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● 录音中</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>转接(&amp;T)…</translation>
    </message>
    <message>
        <source>C&amp;onsult…</source>
        <translation>咨询(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>接听(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>拒绝(&amp;D)</translation>
    </message>
    <message>
        <source>Complete &amp;transfer</source>
        <translation>完成转接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Conference</source>
        <translation>三方通话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Return to caller</source>
        <translation>回到客户(&amp;R)</translation>
    </message>
    <message>
        <source>Consult a colleague while the caller waits</source>
        <translation>让客户等待，先咨询同事</translation>
    </message>
    <message>
        <source>No colleague is signed in to consult.</source>
        <translation>没有已登录的同事可以咨询。</translation>
    </message>
    <message>
        <source>Consult a colleague</source>
        <translation>咨询同事</translation>
    </message>
    <message>
        <source>The caller hears music while you talk to:</source>
        <translation>客户听等待音乐，您与以下同事通话：</translation>
    </message>
    <message>
        <source>%1 asks you to consult on a call with %2</source>
        <translation>%1 就与 %2 的通话向您咨询</translation>
    </message>
    <message>
        <source>Asking %1… the caller is on hold</source>
        <translation>正在呼叫 %1… 客户保持中</translation>
    </message>
    <message>
        <source>Consulting with %1 — %2 cannot hear you</source>
        <translation>正在与 %1 咨询 — %2 听不到您</translation>
    </message>
    <message>
        <source>Talking with %1 — the caller is on hold</source>
        <translation>正在与 %1 通话 — 客户保持中</translation>
    </message>
    <message>
        <source>Conference with %1 and %2</source>
        <translation>与 %1 和 %2 三方通话</translation>
    </message>
    <message>
        <source>&amp;Cancel — back to the caller</source>
        <translation>取消 — 回到客户(&amp;C)</translation>
    </message>
    <message>
        <source>%1 declined.</source>
        <translation>%1 拒绝了。</translation>
    </message>
    <message>
        <source>You missed %1&apos;s request.</source>
        <translation>您错过了 %1 的咨询。</translation>
    </message>
    <message>
        <source>%1 did not answer.</source>
        <translation>%1 未接听。</translation>
    </message>
    <message>
        <source>%1 left the call.</source>
        <translation>%1 已离开通话。</translation>
    </message>
    <message>
        <source>The call with %1 is yours now.</source>
        <translation>与 %1 的通话已转给您。</translation>
    </message>
    <message>
        <source>The call went to %1.</source>
        <translation>通话已转给 %1。</translation>
    </message>
    <message>
        <source>%1 went back to the caller.</source>
        <translation>%1 已回到客户。</translation>
    </message>
    <message>
        <source>Call &amp;back now</source>
        <translation>立即回电(&amp;B)</translation>
    </message>
    <message>
        <source>Call the customer back</source>
        <translation>给客户回电</translation>
    </message>
    <message>
        <source>%1 declined the call.</source>
        <translation>%1 拒接了来电。</translation>
    </message>
    <message>
        <source>Callback request — call %1 back</source>
        <translation>回电请求 — 给 %1 回电</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>正在呼叫 %1…</translation>
    </message>
    <message>
        <source>%1 hung up.</source>
        <translation>%1 已挂断。</translation>
    </message>
    <message>
        <source>Wrap up the call with %1</source>
        <translation>整理与 %1 的通话</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>呼叫(&amp;C)</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Phone number to call</source>
        <translation>要拨打的电话号码</translation>
    </message>
    <message>
        <source>Call this number</source>
        <translation>拨打此号码</translation>
    </message>
    <message>
        <source>Call &amp;again</source>
        <translation>重新呼叫(&amp;A)</translation>
    </message>
    <message>
        <source>Not connected — call again or hang up</source>
        <translation>未接通——重新呼叫或挂断</translation>
    </message>
</context>
<context>
    <name>qidong::ui::StateSelector</name>
    <message>
        <source>Agent state</source>
        <translation>坐席状态</translation>
    </message>
    <message>
        <source>Time in state</source>
        <translation>状态时长</translation>
    </message>
    <message>
        <source>Next state</source>
        <translation>下一状态</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Not Ready: %1</source>
        <translation>未就绪：%1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一状态：%1</translation>
    </message>
    <message>
        <source> · wrap-up %1 left</source>
        <translation> · 话后处理剩余 %1</translation>
    </message>
    <message>
        <source> · wrap-up time is up</source>
        <translation> · 话后处理已超时</translation>
    </message>
</context>
<context>
    <name>qidong::ui::SupervisorPane</name>
    <message>
        <source>Done. The audit log keeps who, when and why.</source>
        <translation>已完成。审计日志记录了操作人、时间和原因。</translation>
    </message>
    <message>
        <source>Search agents</source>
        <translation>搜索坐席</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>原因（记入审计日志）</translation>
    </message>
    <message>
        <source>Make ready</source>
        <translation>设为就绪</translation>
    </message>
    <message>
        <source>Make not ready</source>
        <translation>设为未就绪</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>强制签出…</translation>
    </message>
    <message>
        <source>Skills and capacity…</source>
        <translation>技能与并发…</translation>
    </message>
    <message>
        <source>Write why first: the audit log keeps it.</source>
        <translation>请先填写原因：审计日志会记录。</translation>
    </message>
    <message>
        <source>Select agents in the list first.</source>
        <translation>请先在列表中选择坐席。</translation>
    </message>
    <message>
        <source>Select one agent to change their skills and capacity.</source>
        <translation>请选择一名坐席来调整技能与并发。</translation>
    </message>
    <message>
        <source>Skills and capacity for today: %1</source>
        <translation>今日技能与并发：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>At once: %1</source>
        <translation>同时处理：%1</translation>
    </message>
    <message>
        <source>Back to their own</source>
        <translation>恢复原设置</translation>
    </message>
    <message>
        <source>Waiting in %1</source>
        <translation>%1 排队中</translation>
    </message>
    <message>
        <source>%1 · %2 · waiting %3</source>
        <translation>%1 · %2 · 已等待 %3</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>无人排队。</translation>
    </message>
    <message>
        <source>Move to queue</source>
        <translation>转到队列</translation>
    </message>
    <message>
        <source>Offer to agent</source>
        <translation>分配给坐席</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Longest wait: warn from</source>
        <translation>最长等待：预警起点</translation>
    </message>
    <message>
        <source>Longest wait: alarm from</source>
        <translation>最长等待：告警起点</translation>
    </message>
    <message>
        <source>Service level: warn below</source>
        <translation>服务水平：低于即预警</translation>
    </message>
    <message>
        <source>Service level: alarm below</source>
        <translation>服务水平：低于即告警</translation>
    </message>
    <message>
        <source>Every team</source>
        <translation>全部班组</translation>
    </message>
    <message>
        <source>Any skill</source>
        <translation>任意技能</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Assign to selected agent</source>
        <translation>指派给所选坐席</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n open)</source>
        <translation>
            <numerusform>告警（%n 条待处理）</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an alert first.</source>
        <translation>请先选择一条告警。</translation>
    </message>
    <message>
        <source>Select an alert and one agent in the list.</source>
        <translation>请选择一条告警和列表中的一名坐席。</translation>
    </message>
    <message>
        <source>The monitored interaction ended.</source>
        <translation>所监控的接触已结束。</translation>
    </message>
    <message>
        <source>The monitored interaction went back to a queue.</source>
        <translation>所监控的接触已回到队列。</translation>
    </message>
    <message>
        <source>Monitoring stopped: the connection to the hub was renewed.</source>
        <translation>监控已停止：与服务中心的连接已重建。</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Monitor what the selected agent handles now (double-click a row)</source>
        <translation>监控所选坐席正在处理的接触（双击一行）</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation>密语</translation>
    </message>
    <message>
        <source>Barge in</source>
        <translation>强插</translation>
    </message>
    <message>
        <source>Select one agent to monitor.</source>
        <translation>请选择一名坐席进行监控。</translation>
    </message>
    <message>
        <source>%1 is not handling anything now.</source>
        <translation>%1 当前没有在处理接触。</translation>
    </message>
</context>
<context>
    <name>qidong::ui::TransferDialog</name>
    <message>
        <source>To a queue</source>
        <translation>转到队列</translation>
    </message>
    <message>
        <source>To a colleague</source>
        <translation>转给同事</translation>
    </message>
    <message>
        <source>Transfer conversation</source>
        <translation>转接会话</translation>
    </message>
    <message>
        <source>What the next agent should know</source>
        <translation>需要下一位坐席了解的情况</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>qidong::ui::WrapUpForm</name>
    <message>
        <source>Needs follow-up</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <source>Finish wrap-up</source>
        <translation>完成话后处理</translation>
    </message>
    <message>
        <source>No feedback</source>
        <translation>无反馈</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Roaming</source>
        <translation>漫游</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <source>Baggage</source>
        <translation>行李</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Notes for the customer&apos;s history</source>
        <translation>记入客户历史的备注</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Customer feedback</source>
        <translation>客户之声</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Wrap-up is optional in this queue.</source>
        <translation>此队列的话后处理为可选。</translation>
    </message>
    <message>
        <source>Wrap-up closes by itself after %1 s with the default code.</source>
        <translation>%1 秒后将以默认处理结果自动完成话后处理。</translation>
    </message>
    <message>
        <source>A disposition is required in this queue.</source>
        <translation>此队列必须填写处理结果。</translation>
    </message>
</context>
</TS>
