<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AlertActions</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="25"/>
        <source>发布预警…</source>
        <translation>Issue warning…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="26"/>
        <source>打印点名表…</source>
        <translation>Print call sheet…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="27"/>
        <source>录入点名表结果…</source>
        <translation>Enter call sheet results…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="28"/>
        <source>解除预警…</source>
        <translation>Lift warning…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="60"/>
        <source>预警已升级：点名名单新增 %1 人，共 %2 人。</source>
        <translation>Warning upgraded: %1 added to the roll-call, %2 in all.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="63"/>
        <source>预警已发布：点名 %1 人。</source>
        <translation>Warning issued: %1 on the roll-call.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="65"/>
        <source>值班 %1 个班次，一键补缺排上 %2 人次，%3 个班次仍缺人。</source>
        <translation>%1 duty shifts, %2 places filled by Fill gaps, %3 shifts still short.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="93"/>
        <source>已录入 %1 条点名结果。</source>
        <translation>%1 roll-call results entered.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="111"/>
        <source>%1已解除：记入 %2 条志愿服务记录，共 %3 小时；%4 人始终没有联系上，已记下原因。</source>
        <translation>%1 lifted: %2 service records, %3 hours in all; %4 never reached, with the reason recorded.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_page_actions.py" line="117"/>
        <source>可以预览、打印或保存这次预警的总结报告。</source>
        <translation>You can preview, print or save this warning&apos;s after-action report.</translation>
    </message>
</context>
<context>
    <name>AlertBoard</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="38"/>
        <source>已联系</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="38"/>
        <source>2小时内联系上</source>
        <translation>Reached within 2 h</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="39"/>
        <source>24小时内联系上</source>
        <translation>Reached within 24 h</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="39"/>
        <source>联系上用时中位数</source>
        <translation>Median time to reach</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="40"/>
        <source>需要帮助</source>
        <translation>Needs help</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="40"/>
        <source>待上门查看</source>
        <translation>Door visits open</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="58"/>
        <source>当前没有预警</source>
        <translation>No warning in force</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="59"/>
        <source>区气象台发布预警后，点击“发布预警…”生成点名名单和值班。</source>
        <translation>When the district weather office issues a warning, click “Issue warning…” to build the roll-call and the duty shifts.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="66"/>
        <source>%1（已解除）</source>
        <translation>%1 (lifted)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="74"/>
        <source>%1分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="84"/>
        <source>%1（未办%2）</source>
        <translation>%1 (%2 open)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="87"/>
        <source>%1发布</source>
        <translation>Issued %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="89"/>
        <source>，%1解除</source>
        <translation>, lifted %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="91"/>
        <source>，预计%1解除</source>
        <translation>, expected to end %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_board.py" line="96"/>
        <source> · %1个社区</source>
        <translation> · %1 communities</translation>
    </message>
</context>
<context>
    <name>AlertReportDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_print_dialogs.py" line="133"/>
        <source>预警总结报告</source>
        <translation>Warning after-action report</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_print_dialogs.py" line="134"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alerts_page.py" line="50"/>
        <source>极端天气</source>
        <translation>Extreme weather</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alerts_page.py" line="73"/>
        <source>点名</source>
        <translation>Roll-call</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alerts_page.py" line="73"/>
        <source>未联系上</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alerts_page.py" line="74"/>
        <source>需要帮助</source>
        <translation>Needs help</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alerts_page.py" line="74"/>
        <source>上门查看</source>
        <translation>Door visits</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alerts_page.py" line="75"/>
        <source>按联系人</source>
        <translation>By caller</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alerts_page.py" line="75"/>
        <source>历次预警</source>
        <translation>Past warnings</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alerts_page.py" line="114"/>
        <source>进行中</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alerts_page.py" line="114"/>
        <source>已解除</source>
        <translation>Lifted</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="30"/>
        <source>邻里帮：这台电脑没有图形显示（没有 DISPLAY），无法打开窗口。可以用虚拟显示运行：xvfb-run -a make run ；命令行功能见 python main.py --help</source>
        <translation>LinLiBang: this computer has no graphical display (no DISPLAY), so the window cannot open. Run it on a virtual display: xvfb-run -a make run ; for the command line see python main.py --help</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="87"/>
        <location filename="../../volunteer_app/ui/app.py" line="196"/>
        <source>邻里帮</source>
        <translation>LinLiBang</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="82"/>
        <location filename="../../volunteer_app/ui/app.py" line="95"/>
        <location filename="../../volunteer_app/ui/app.py" line="101"/>
        <location filename="../../volunteer_app/ui/app.py" line="112"/>
        <source>邻里帮：无法打开数据库</source>
        <translation>LinLiBang: cannot open the database</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="304"/>
        <source>欢迎使用邻里帮</source>
        <translation>Welcome to LinLiBang</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="305"/>
        <source>这是第一次打开邻里帮。

要先装入一个演示社区看看效果，还是从空白开始录入自己的社区？</source>
        <translation>This is the first time LinLiBang opens.

Load a demo community to see how it works, or start empty and enter your own community?</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="307"/>
        <source>装入演示社区</source>
        <translation>Load the demo community</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="309"/>
        <source>从空白开始</source>
        <translation>Start empty</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="361"/>
        <source>没有权限</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="367"/>
        <source>邻里帮：无法保存</source>
        <translation>LinLiBang: could not save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="372"/>
        <source>错误报告已保存到：
%1</source>
        <translation>The error report was saved to:
%1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="374"/>
        <source>错误报告无法保存。</source>
        <translation>The error report could not be saved.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="379"/>
        <source>邻里帮出错了</source>
        <translation>LinLiBang ran into an error</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/app.py" line="379"/>
        <source>很抱歉，程序出了一个错误，刚才的操作没有保存，之前的数据都还在。

%1
请把这个文件发给技术支持人员。</source>
        <translation>Sorry, the program ran into an error. The last action was not saved; all earlier data is still there.

%1
Please send this file to technical support.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="80"/>
        <source>安排人员</source>
        <translation>Assign people</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="48"/>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="88"/>
        <source>已安排</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="48"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="49"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="49"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="50"/>
        <source>已谢绝</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="50"/>
        <source>缺席</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="88"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="88"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="89"/>
        <source>移出所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="90"/>
        <source>序</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="90"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="90"/>
        <source>本月(时)</source>
        <translation>Month (h)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="91"/>
        <source>本周(时)</source>
        <translation>Week (h)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="91"/>
        <source>合适的理由</source>
        <translation>Why they fit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="92"/>
        <source>冲突与提醒</source>
        <translation>Conflicts and warnings</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="94"/>
        <source>安排所选</source>
        <translation>Assign selected</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="97"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="103"/>
        <source>候选人按合适程度排序：有空、有技能、本月时长少、未超每周上限的在前。灰色的不能安排（原因见右侧）；有提醒的安排前会请您确认。</source>
        <translation>Candidates are sorted by fit: free, skilled, fewest hours this month and under the weekly cap first. Grey ones cannot be assigned (reason on the right); for those with a warning you will be asked to confirm.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="150"/>
        <source>不能安排：</source>
        <translation>Cannot assign:</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="152"/>
        <source>提醒：</source>
        <translation>Warning:</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="155"/>
        <source>（%1组）</source>
        <translation> (group %1)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="199"/>
        <source>请先在候选人里选一位。</source>
        <translation>First choose a candidate.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="202"/>
        <source>不能安排{0}：{1}。</source>
        <translation>Cannot assign {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="218"/>
        <source>已安排{0}。</source>
        <translation>Assigned {0}.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="221"/>
        <source>需要确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="222"/>
        <source>安排{0}有以下提醒：

{1}

仍然安排吗？</source>
        <translation>Assigning {0} comes with these warnings:

{1}

Assign anyway?</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="226"/>
        <source>仍然安排</source>
        <translation>Assign anyway</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="227"/>
        <source>不安排</source>
        <translation>Don&apos;t assign</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="230"/>
        <source>没有安排{0}。</source>
        <translation>{0} not assigned.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/assign_dialog.py" line="248"/>
        <source>已移出{0}。</source>
        <translation>Removed {0}.</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="49"/>
        <source>签到/签退</source>
        <translation>Check in/out</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="53"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="53"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="53"/>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="56"/>
        <source>签到</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="54"/>
        <source>签退</source>
        <translation>Check out</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="54"/>
        <source>服务记录</source>
        <translation>Service records</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="57"/>
        <source>签退并记时长</source>
        <translation>Check out and record hours</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="59"/>
        <source>完成（按班次时长）</source>
        <translation>Completed (shift length)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="60"/>
        <source>缺席</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="61"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="62"/>
        <source>选中一人或多人（按住Ctrl多选），在“签到”“签退”里改成实际时间后点按钮。签退或完成后自动生成服务记录。</source>
        <translation>Select one or more people (hold Ctrl), set the actual times under &quot;Check in&quot; and &quot;Check out&quot;, then click the button. Checking out or completing creates the service records.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="87"/>
        <source>这个班次在{0}，还没到，到时再来签到签退。</source>
        <translation>This shift is on {0}, not yet; check in and out then.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="103"/>
        <source>已记录 {0} 小时</source>
        <translation>{0} hours recorded</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="140"/>
        <source>请先选中要操作的人。</source>
        <translation>First select the people to act on.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="159"/>
        <source>{0} 已签到。</source>
        <translation>{0} checked in.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="163"/>
        <source>{0} 已签退，服务记录已按实际时长生成。</source>
        <translation>{0} checked out; service records created for the actual time served.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="167"/>
        <source>{0} 已完成，服务记录已生成。</source>
        <translation>{0} completed; service records created.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/attendance_dialog.py" line="171"/>
        <source>{0} 记为缺席（不生成服务记录）。</source>
        <translation>{0} marked as no-show (no service record).</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="44"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="45"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="46"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="47"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="48"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="49"/>
        <source>对象编号</source>
        <translation>Object ID</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="50"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="69"/>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="180"/>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="77"/>
        <source>搜索说明和修改内容</source>
        <translation>Search details and changes</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="78"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="81"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="81"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="82"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="82"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="83"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="100"/>
        <source>选中一条日志，这里显示修改前后的内容（证件号和电话已打码）</source>
        <translation>Select an entry to see the content before and after the change here (ID numbers and phones masked)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="130"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="144"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="166"/>
        <source>共 {0} 条</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="180"/>
        <source>导出操作日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="181"/>
        <source>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel files (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="189"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/audit.py" line="191"/>
        <source>已导出 {0} 条到 {1}</source>
        <translation>Exported {0} entries to {1}</translation>
    </message>
</context>
<context>
    <name>AutoBackupList</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/auto_backup_list.py" line="33"/>
        <source>自动备份时间</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/auto_backup_list.py" line="33"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/auto_backup_list.py" line="41"/>
        <source>恢复所选的自动备份…</source>
        <translation>Restore the selected automatic backup…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/auto_backup_list.py" line="52"/>
        <source>自动备份保存在 %1（最近7天每天、4周每周、12个月每月各留一份）。</source>
        <translation>Automatic backups are kept in %1 (one a day for the last 7 days, one a week for 4 weeks, one a month for 12 months).</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/auto_backup_list.py" line="68"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/auto_backup_list.py" line="68"/>
        <source>请先在表格中选中一份自动备份。</source>
        <translation>Select an automatic backup in the table first.</translation>
    </message>
</context>
<context>
    <name>AutoBackups</name>
    <message>
        <location filename="../../volunteer_app/ui/auto_backup.py" line="77"/>
        <source>自动备份失败：%1</source>
        <translation>Automatic backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/auto_backup.py" line="79"/>
        <source>已自动备份（%1）</source>
        <translation>Backed up automatically (%1)</translation>
    </message>
</context>
<context>
    <name>AvailabilityGrid</name>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="16"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="16"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="17"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="17"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="18"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="18"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="19"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="21"/>
        <source>上午</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="22"/>
        <source>下午</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="23"/>
        <source>晚上</source>
        <translation>Evening</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/availability_grid.py" line="47"/>
        <source>点一下选中或取消这一整天</source>
        <translation>Click to select or clear the whole day</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <location filename="../../volunteer_app/ui/runner.py" line="240"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/runner.py" line="242"/>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>CallSheetDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_print_dialogs.py" line="103"/>
        <source>打印点名表</source>
        <translation>Print call sheet</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_print_dialogs.py" line="105"/>
        <source>全部未联系上的居民（按楼排列）</source>
        <translation>Everyone not yet reached (by building)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_print_dialogs.py" line="108"/>
        <source>联系人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_print_dialogs.py" line="109"/>
        <source>只列还没联系上的居民，每行带序号和勾选框；打完电话后用“录入点名表结果…”按序号录回。电话号码只对有权查看的角色完整显示。</source>
        <translation>Lists the residents not yet reached, each line numbered with tick boxes; after the calls, type the results back by line number with “Enter call sheet results…”. Phone numbers are shown in full only to roles allowed to see them.</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="138"/>
        <source>登记回访结果</source>
        <translation>Record the callback</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="143"/>
        <source>（未评价）</source>
        <translation>(not rated)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="146"/>
        <source>是否联系</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="147"/>
        <source>是否解决</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="148"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
</context>
<context>
    <name>CallersTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="44"/>
        <source>联系人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="44"/>
        <source>（未定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="45"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="46"/>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="55"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="47"/>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="49"/>
        <source>已联系</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="53"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="54"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="56"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="60"/>
        <source>复制微信通知</source>
        <translation>Copy WeChat text</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="62"/>
        <source>选择联系人后点“复制微信通知”，通知会显示在这里并复制到剪贴板，可直接粘贴到微信。不选联系人时复制全部。</source>
        <translation>Choose a caller and click “Copy WeChat text”: the text shows here and is copied to the clipboard, ready to paste into WeChat. With no caller chosen, every caller&apos;s text is copied.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="70"/>
        <source>联系截止</source>
        <translation>Call by</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_callers.py" line="153"/>
        <source>已复制 %1 条微信通知，可粘贴到微信。</source>
        <translation>%1 WeChat texts copied, ready to paste into WeChat.</translation>
    </message>
</context>
<context>
    <name>CancelShiftDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="472"/>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="480"/>
        <source>取消班次</source>
        <translation>Cancel shift</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="474"/>
        <source>已安排的人员：{0}。取消后请通知他们。</source>
        <translation>Assigned people: {0}. Please tell them after cancelling.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="475"/>
        <source>这个班次还没有安排人员。</source>
        <translation>Nobody is assigned to this shift yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="483"/>
        <source>不取消</source>
        <translation>Don&apos;t cancel</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="339"/>
        <source>打印志愿服务记录证明</source>
        <translation>Print volunteer service certificates</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="342"/>
        <source>查找：姓名、拼音首字母或编号</source>
        <translation>Find: name, pinyin initials or number</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="357"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="358"/>
        <source>志愿者（可多选）</source>
        <translation>Volunteers (several allowed)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="359"/>
        <source>证明期间起</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="360"/>
        <source>证明期间止</source>
        <translation>Period to</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="361"/>
        <source>只计入已核实并锁定的记录；证件号码按前6后4显示。预览不编号，打印或保存时编号并登记；同一期间再次打印记为补打。</source>
        <translation>Only verified and locked records count; ID numbers show their first 6 and last 4 digits. A preview is not numbered; printing or saving numbers and registers the certificate; printing the same period again is recorded as a reprint.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="396"/>
        <source>请先在列表里选择志愿者（按住Ctrl可多选）。</source>
        <translation>First select volunteers in the list (hold Ctrl to select several).</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="401"/>
        <source>未开具：</source>
        <translation>Not issued:</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="404"/>
        <source>预览只显示前{0}份（共{1}份），打印或保存时全部输出。</source>
        <translation>The preview shows the first {0} of {1}; printing or saving outputs all of them.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="410"/>
        <source>已开具{0}份证明（{1}）。</source>
        <translation>Issued {0} certificates ({1}).</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="414"/>
        <source>证明已编号登记，再次打印同一期间将记为补打。</source>
        <translation>The certificates are numbered and registered; printing the same period again counts as a reprint.</translation>
    </message>
</context>
<context>
    <name>CloseAlertDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="214"/>
        <source>解除预警</source>
        <translation>Lift warning</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="216"/>
        <source>解除“%1”后，点名名单不再接受登记；每位联系人的电话和上门记入志愿服务记录；高风险居民须在解除后按时探访。</source>
        <translation>Once “%1” is lifted, the roll-call takes no more results; each caller&apos;s calls and door visits become service records; high-risk residents must be visited in time after it.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="219"/>
        <source>
还有 %1 人没有联系上，解除时将记下原因。</source>
        <translation>
%1 residents are still not reached; the reason is recorded when it is lifted.</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="291"/>
        <source>%1天</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="293"/>
        <source>%1小时</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="295"/>
        <source>%1分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="297"/>
        <source>还剩%1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="298"/>
        <source>超时%1</source>
        <translation>%1 late</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="50"/>
        <source>只看逾期和未覆盖</source>
        <translation>Only late and uncovered</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="52"/>
        <source>登记探访…</source>
        <translation>Log visit…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="58"/>
        <source>指定为包户人</source>
        <translation>Make responsible staff</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="87"/>
        <source>每%1天</source>
        <translation>Every %1 days</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="87"/>
        <source>尚未探访</source>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="87"/>
        <source>逾期%1天</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="88"/>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="88"/>
        <source>未覆盖</source>
        <translation>Uncovered</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="89"/>
        <source>结对</source>
        <translation>Paired</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="89"/>
        <source>包户</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="101"/>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="102"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="103"/>
        <source>覆盖</source>
        <translation>Covered by</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="104"/>
        <source>帮手/包户人</source>
        <translation>Helper / staff</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="105"/>
        <source>探访间隔</source>
        <translation>Visit interval</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="107"/>
        <source>上次探访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="108"/>
        <source>应探访日期</source>
        <translation>Visit due</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="109"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="127"/>
        <source>共 %1 位</source>
        <translation>%1 residents</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="150"/>
        <source>这位居民还没有结对帮手或包户人：请先在“居民”里指定包户人。</source>
        <translation>This resident has neither a helper nor a responsible staff member: first choose one under “Residents”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="152"/>
        <source>队长只能为自己队员的结对登记探访；包户居民由社区工作者登记。</source>
        <translation>Captains log visits only for pairs of their own team members; community staff log visits of staff-covered residents.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="160"/>
        <source>请先选中一位居民。</source>
        <translation>First select a resident.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="170"/>
        <source>请先选中居民（按住Ctrl可多选），再选一位社区工作者。</source>
        <translation>First select residents (hold Ctrl for several), then choose a community worker.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/coverage_tab.py" line="177"/>
        <source>已为 %1 位居民指定包户人%2。</source>
        <translation>%2 is now the responsible staff member of %1 residents.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="81"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="84"/>
        <source>未覆盖</source>
        <translation>Uncovered</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="85"/>
        <source>高风险和重点居民中，既无结对帮手、也无包户人的</source>
        <translation>High- and priority-tier residents with neither a helper nor a responsible staff member</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="86"/>
        <source>90岁以上老人</source>
        <translation>Residents aged 90+</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="86"/>
        <source>“90后”：年满90周岁</source>
        <translation>&quot;90+&quot;: aged 90 or more</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="87"/>
        <source>悬空老人</source>
        <translation>Stranded elders</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="87"/>
        <source>住高层无电梯或不能上下楼的老人</source>
        <translation>Elderly residents living high up without a lift, or unable to use stairs</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="88"/>
        <source>独居居民</source>
        <translation>Residents living alone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="89"/>
        <source>在册居民</source>
        <translation>Registered residents</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="90"/>
        <source>在册志愿者</source>
        <translation>Active volunteers</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="91"/>
        <source>可结对的80后帮手</source>
        <translation>1980s-born helpers available</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="92"/>
        <source>出生于80年代、还能再结对的志愿者和社区工作者</source>
        <translation>Volunteers and staff born in the 1980s who can take another pair</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="94"/>
        <source>点击查看未覆盖居民名单</source>
        <translation>Click to see the uncovered residents</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="99"/>
        <source>未办结诉求</source>
        <translation>Open requests</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="100"/>
        <source>点击查看超时或有风险的诉求</source>
        <translation>Click to see the late or at-risk requests</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="104"/>
        <source>极端天气预警</source>
        <translation>Weather warning</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="105"/>
        <source>点击打开极端天气点名</source>
        <translation>Click to open the weather roll-call</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="123"/>
        <source>各队伍人数</source>
        <translation>Members per team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="169"/>
        <source>已联系 %1/%2</source>
        <translation>Reached %1/%2</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="171"/>
        <source>需要帮助未办 %1 人，待上门查看 %2 人</source>
        <translation>%1 needs open, %2 door visits open</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="211"/>
        <source>响应率</source>
        <translation>Response rate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="211"/>
        <source>解决率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="212"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="213"/>
        <source>超时 %1 件，有风险 %2 件；%3月 %4</source>
        <translation>%1 late, %2 at risk; month %3: %4</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="223"/>
        <source>还没有队伍。</source>
        <translation>No teams yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/dashboard.py" line="224"/>
        <source>%1 人</source>
        <translation>%1 people</translation>
    </message>
</context>
<context>
    <name>DoorOutcomeDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="95"/>
        <source>上门查看结果：%1</source>
        <translation>Door visit outcome: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="95"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="97"/>
        <source>已见到本人，平安</source>
        <translation>Seen in person, safe</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="98"/>
        <source>已见到本人，需要帮助</source>
        <translation>Seen in person, needs help</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="101"/>
        <source>例如：手机没电了，人没事</source>
        <translation>e.g. phone battery was flat, all well</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="102"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="104"/>
        <source>需要</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="105"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>DoorTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="165"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="166"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="167"/>
        <source>上门人</source>
        <translation>Door visitor</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="167"/>
        <source>待指派</source>
        <translation>To assign</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="168"/>
        <source>未接通次数</source>
        <translation>Unanswered calls</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="169"/>
        <source>等待（分钟）</source>
        <translation>Waiting (min)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="171"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="172"/>
        <source>家属联系</source>
        <translation>Family contact</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="174"/>
        <source>改派上门人…</source>
        <translation>Send someone else…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="175"/>
        <source>登记上门结果…</source>
        <translation>Record door visit…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="186"/>
        <source>已登记上门结果。</source>
        <translation>Door visit recorded.</translation>
    </message>
</context>
<context>
    <name>DoorVisits</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="127"/>
        <source>派人上门查看：%1</source>
        <translation>Send to the door: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="129"/>
        <source>已安排上门查看。</source>
        <translation>Door visit arranged.</translation>
    </message>
</context>
<context>
    <name>EmptyHint</name>
    <message>
        <location filename="../../volunteer_app/ui/empty_hint.py" line="63"/>
        <source>社区工作者的账户在“设置 → 用户”里点“新增用户…”建立。</source>
        <translation> Accounts for community staff are made in “Settings → Users” with “Add user…”.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="88"/>
        <source>导出%1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="91"/>
        <source>文件名以 .xlsx 或 .csv 结尾</source>
        <translation>File name ending in .xlsx or .csv</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="92"/>
        <source>选择位置…</source>
        <translation>Choose location…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="94"/>
        <source>包含完整的身份证号和电话（会记入操作日志）</source>
        <translation>Include full ID numbers and phones (written to the audit log)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="99"/>
        <source>您没有查看完整证件号和电话的权限，只能导出打码后的台账。</source>
        <translation>You may not view full ID numbers and phones, so only a masked ledger can be exported.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="102"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="104"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="114"/>
        <source>导出到文件：</source>
        <translation>Export to file:</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="123"/>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="124"/>
        <source>Excel 文件 (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>Excel files (*.xlsx);;CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="135"/>
        <source>文件名请以 .xlsx 或 .csv 结尾。</source>
        <translation>Please end the file name with .xlsx or .csv.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="145"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="149"/>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
</context>
<context>
    <name>FillGapsDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="56"/>
        <source>一键补缺</source>
        <translation>Fill gaps</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="59"/>
        <source>采用</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="59"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="59"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="60"/>
        <source>理由</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="61"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="62"/>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="63"/>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="165"/>
        <source>安排勾选的人员</source>
        <translation>Assign the ticked people</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="66"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="68"/>
        <source>建议只补到每个班次的最少人数，优先本月时长少的队员，不会安排有冲突、超出每周上限或不在空闲时间的人。取消勾选即可不采用。</source>
        <translation>Suggestions fill each shift only up to its minimum, preferring members with fewer hours this month; nobody with a conflict, over the weekly cap or outside their free times is suggested. Untick a suggestion to leave it out.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="101"/>
        <source>正在为缺人的班次找人……</source>
        <translation>Finding people for the short-handed shifts…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="140"/>
        <source>本周（今天以后）没有缺人的班次。</source>
        <translation>No shift this week (from today) is short of people.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="142"/>
        <source>本周（今天以后）有 {0} 个班次缺人，共缺 {1} 人；建议安排 {2} 人次，涉及 {3} 个班次。</source>
        <translation>This week (from today) {0} shifts are short of {1} people in all; {2} assignments to {3} shifts are suggested.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="145"/>
        <source>还有 {0} 个名额找不到合适的人，可在“安排人员”里手动安排。</source>
        <translation>{0} places still have nobody suitable; assign them by hand under &quot;Assign people&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="164"/>
        <source>安排勾选的 {0} 人次</source>
        <translation>Assign the {0} ticked</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="173"/>
        <source>没有勾选任何建议。</source>
        <translation>No suggestion is ticked.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="183"/>
        <source>已安排 {0} 人次。</source>
        <translation>{0} assignments made.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/fill_gaps_dialog.py" line="184"/>
        <source>{0} 条因情况有变未能安排。</source>
        <translation>{0} could not be assigned because things have changed.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="94"/>
        <source>创建系统管理员</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="99"/>
        <source>这是第一次使用邻里帮，请为系统管理员设置用户名和密码（至少8位）。
管理员负责用户、设置和备份；登记居民和志愿者请另建“社区工作者”账户。</source>
        <translation>This is the first use of LinLiBang: set a user name and password (at least 8 characters) for the administrator.
The administrator looks after users, settings and backups; create &quot;Community staff&quot; accounts to register residents and volunteers.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="109"/>
        <source>创建并登录</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="112"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="113"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="114"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="115"/>
        <source>再输一次密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="125"/>
        <source>两次输入的密码不一样，请重新输入。</source>
        <translation>The two passwords differ; please enter them again.</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="37"/>
        <source>填写社区名称、证明负责人和证明联系电话：证明和报表上的出具单位</source>
        <translation>Fill in the community name, the certificate&apos;s person in charge and contact phone: the issuer on certificates and reports</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="38"/>
        <source>去设置</source>
        <translation>Go to settings</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="40"/>
        <source>为社区工作者、督导和队长建账号，每人用自己的账号登录</source>
        <translation>Create accounts for community workers, supervisors and captains; everyone logs in with their own</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="41"/>
        <source>去建账号</source>
        <translation>Create accounts</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="43"/>
        <source>登记居民：导入居民台账（Excel），或逐个新增</source>
        <translation>Register residents: import the resident ledger (Excel) or add them one by one</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="44"/>
        <source>去登记居民</source>
        <translation>Register residents</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="46"/>
        <source>登记志愿者：导入志愿者名册，或逐个新增</source>
        <translation>Register volunteers: import the volunteer roster or add them one by one</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="47"/>
        <source>去登记志愿者</source>
        <translation>Register volunteers</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="49"/>
        <source>建立队伍，指定队长，把志愿者加入队伍</source>
        <translation>Set up teams, name their captains and add volunteers to them</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="50"/>
        <source>去建队伍</source>
        <translation>Set up teams</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="52"/>
        <source>新建任务，排好班次，安排人员</source>
        <translation>Create a task, plan its shifts and assign people</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="53"/>
        <source>去排班</source>
        <translation>Go to scheduling</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="71"/>
        <source>开始使用</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/first_steps.py" line="100"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>HandlerDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="126"/>
        <source>指派处理人：%1</source>
        <translation>Assign a handler: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="126"/>
        <source>指派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="132"/>
        <source>处理人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="136"/>
        <source>正在读取名单…</source>
        <translation>Reading the list…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="163"/>
        <source>请从列表中选择处理人。</source>
        <translation>Please choose a handler from the list.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="29"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="30"/>
        <source>社区</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="31"/>
        <source>发布</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="32"/>
        <source>解除</source>
        <translation>Lifted</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="32"/>
        <source>进行中</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="34"/>
        <source>点名</source>
        <translation>Roll-call</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="35"/>
        <source>已联系</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="36"/>
        <source>联系率</source>
        <translation>Reached %</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="40"/>
        <source>查看</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_history.py" line="41"/>
        <source>查看报告…</source>
        <translation>View report…</translation>
    </message>
</context>
<context>
    <name>HotspotsTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="41"/>
        <source>点位</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="41"/>
        <source>（未匹配地点）</source>
        <translation>(place not matched)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="42"/>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="43"/>
        <source>问题分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="44"/>
        <source>件数</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="45"/>
        <source>首次</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="46"/>
        <source>最近</source>
        <translation>Latest</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="50"/>
        <source>工单编号</source>
        <translation>Ticket no.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="51"/>
        <source>来电时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="52"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="53"/>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="54"/>
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="57"/>
        <source>建任务…</source>
        <translation>Create task…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="58"/>
        <source>提醒工作人员…</source>
        <translation>Remind a staff member…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="71"/>
        <source>该点位的工单</source>
        <translation>Tickets at this place</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="89"/>
        <source>同一点位、同一类问题在近 %1 天内有 %2 件及以上诉求的，列在这里：趁下一次来电前先办。</source>
        <translation>Places with %2 or more requests of one category in the last %1 days: act before the next call.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="135"/>
        <source>为高频点位建任务</source>
        <translation>Task for a hot spot</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="137"/>
        <source>任务已建好，可在“任务与排班”里安排人员。</source>
        <translation>Task created; assign people in Tasks &amp; shifts.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="144"/>
        <source>提醒工作人员</source>
        <translation>Remind a staff member</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_hotspots.py" line="146"/>
        <source>已给工作人员派了一件网格巡查工单。</source>
        <translation>A grid patrol ticket was sent to the staff member.</translation>
    </message>
</context>
<context>
    <name>IdNumberNote</name>
    <message>
        <location filename="../../volunteer_app/ui/id_number_note.py" line="16"/>
        <source>15位旧号码已转换为18位：%1</source>
        <translation>15-digit old number converted to 18 digits: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/id_number_note.py" line="18"/>
        <source>将保存为：%1</source>
        <translation>Will be saved as: %1</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../volunteer_app/ui/idle_lock.py" line="176"/>
        <source>换人登录</source>
        <translation>Switch user</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_app/ui/idle_lock.py" line="177"/>
        <source>%1 还有 %n 个窗口没有关闭，换人登录会关闭它们，里面没保存的内容不会保存。

要换人登录吗？</source>
        <translation>
            <numerusform>%1 still has %n window open. Switching user closes it, and what was typed in it is not saved.

Switch user?</numerusform>
            <numerusform>%1 still has %n windows open. Switching user closes them, and what was typed in them is not saved.

Switch user?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="176"/>
        <source>导入%s台账</source>
        <translation>Import %s ledger</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="195"/>
        <source>请选择 .xlsx 或 .csv 台账文件</source>
        <translation>Choose an .xlsx or .csv ledger file</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="196"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="199"/>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="204"/>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="204"/>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="222"/>
        <source>重复的人员：跳过</source>
        <translation>Duplicate people: skip</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="223"/>
        <source>重复的人员：用文件中的信息更新</source>
        <translation>Duplicate people: update from the file</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="224"/>
        <source>保存未导入的行…</source>
        <translation>Save the rows not imported…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="226"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="229"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="264"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="299"/>
        <source>无法读取文件</source>
        <translation>Cannot read the file</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="311"/>
        <source>第%1列</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="315"/>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="350"/>
        <source>正在检查每一行…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="359"/>
        <source>无法检查</source>
        <translation>Cannot check</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="374"/>
        <source>检查已取消。</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="377"/>
        <source>共%1行：可导入%2行，重复%3行，有错误%4行（红色单元格，鼠标停留可看原因），有提醒%5行。</source>
        <translation>%1 rows: %2 can be imported, %3 duplicates, %4 with errors (red cells; hover to see why), %5 with warnings.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="382"/>
        <source>将新建队伍：</source>
        <translation>A new team will be created:</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="384"/>
        <source>没有哪一列对应到“姓名”，请在左边的“导入为”中选择。</source>
        <translation>No column is mapped to &quot;Name&quot;; choose one under &quot;Import as&quot; on the left.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="397"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="430"/>
        <source>导入完成：新增%1行，更新%2行，跳过重复%3行，未导入%4行。</source>
        <translation>Import done: %1 rows added, %2 updated, %3 duplicates skipped, %4 not imported.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="434"/>
        <source>新建了队伍：</source>
        <translation>Teams created:</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="416"/>
        <source>导入已取消，数据库没有任何改动。</source>
        <translation>Import cancelled; nothing in the database changed.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="441"/>
        <source>选择台账文件</source>
        <translation>Choose a ledger file</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="442"/>
        <source>台账文件 (*.xlsx *.xlsm *.xls *.csv)</source>
        <translation>Ledger files (*.xlsx *.xlsm *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="447"/>
        <source>保存未导入的行</source>
        <translation>Save the rows not imported</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="447"/>
        <source>未导入的行</source>
        <translation>Rows not imported</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="448"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="458"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="460"/>
        <source>未导入的行已保存到 %1，改好后可以再导入。</source>
        <translation>The rows not imported were saved to %1; fix them and import again.</translation>
    </message>
</context>
<context>
    <name>InsuranceBanner</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="201"/>
        <source>登记保险…</source>
        <translation>Record insurance…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="213"/>
        <source>（共 %1 项，鼠标停在这里查看全部）</source>
        <translation> (%1 in all; hover here to see them)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="237"/>
        <source>已为 %1 个任务登记保险。</source>
        <translation>Insurance recorded for %1 tasks.</translation>
    </message>
</context>
<context>
    <name>InsuranceDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="192"/>
        <source>登记保险</source>
        <translation>Record insurance</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="192"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="197"/>
        <source>保险公司和保单号，例如：人保财险 PICC-2026-0088</source>
        <translation>Insurer and policy number, e.g. PICC PICC-2026-0088</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="199"/>
        <source>保险</source>
        <translation>Insurance</translation>
    </message>
</context>
<context>
    <name>JielongDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="49"/>
        <source>接龙导入</source>
        <translation>Import sign-up chain</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="50"/>
        <source>安排到：</source>
        <translation>Assign to:</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="54"/>
        <source>把微信群里的接龙整段复制粘贴到这里，例如：
</source>
        <translation>Copy the whole sign-up chain from the WeChat group and paste it here, for example:
</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="56"/>
        <source>识别名单</source>
        <translation>Read names</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="62"/>
        <source>接龙里的名字</source>
        <translation>Name in the chain</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="62"/>
        <source>对应的志愿者</source>
        <translation>Matching volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="63"/>
        <source>怎样对上的</source>
        <translation>How it matched</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="63"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="65"/>
        <source>有提醒的也安排</source>
        <translation>Assign those with warnings too</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="66"/>
        <source>安排到此班次</source>
        <translation>Assign to this shift</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="68"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="92"/>
        <source>没有读出名字。请粘贴带编号的接龙（1. 张三  2. 李四 …），或一行一个名字。</source>
        <translation>No names found. Paste a numbered chain (1. Zhang San  2. Li Si …), or one name per line.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="103"/>
        <source>接龙：{0}（{1}人）</source>
        <translation>Sign-up chain: {0} ({1} people)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="116"/>
        <source>读出 {0} 个名字，{1} 个已对上</source>
        <translation>{0} names read, {1} matched</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="117"/>
        <source>，{0} 个请在“对应的志愿者”里选择。</source>
        <translation>; choose {0} under &quot;Matching volunteer&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="126"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="130"/>
        <source>（没有找到）</source>
        <translation>(not found)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="133"/>
        <source>（不安排）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="157"/>
        <source>没有要安排的人：请在“对应的志愿者”里选择。</source>
        <translation>Nobody to assign: choose under &quot;Matching volunteer&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="169"/>
        <source>已安排 {0} 人</source>
        <translation>{0} assigned</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="171"/>
        <source>；{0} 人有提醒未安排，确认后勾选“有提醒的也安排”再点一次</source>
        <translation>; {0} with warnings not assigned: tick &quot;Assign those with warnings too&quot; and click again</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/jielong_dialog.py" line="173"/>
        <source>；{0} 人不能安排（原因见“结果”）</source>
        <translation>; {0} cannot be assigned (see &quot;Result&quot;)</translation>
    </message>
</context>
<context>
    <name>JoinTeamDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="94"/>
        <source>加入队伍</source>
        <translation>Add to team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="106"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="107"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="108"/>
        <source>队内角色</source>
        <translation>Role in team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="110"/>
        <source>加入</source>
        <translation>Join</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="34"/>
        <source>居民台账</source>
        <translation>Residents ledger</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="35"/>
        <source>志愿者台账</source>
        <translation>Volunteers ledger</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="36"/>
        <source>志愿服务记录</source>
        <translation>Volunteer service records</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="47"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="49"/>
        <source>从Excel（.xlsx）或CSV导入台账</source>
        <translation>Import a ledger from Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="50"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/ledger_actions.py" line="52"/>
        <source>导出为Excel或CSV（身份证号和电话默认打码）</source>
        <translation>Export as Excel or CSV (ID numbers and phones masked by default)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../volunteer_app/ui/idle_lock.py" line="36"/>
        <source>窗口已锁定</source>
        <translation>Window locked</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/idle_lock.py" line="38"/>
        <source>长时间没有操作，为保护居民信息，窗口已锁定。请{0}输入密码继续。</source>
        <translation>The window locked after a long idle time to protect residents&apos; information. {0}, enter your password to continue.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/idle_lock.py" line="44"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/idle_lock.py" line="47"/>
        <source>换人登录</source>
        <translation>Switch user</translation>
    </message>
</context>
<context>
    <name>LogSheetDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="69"/>
        <source>录入点名表结果</source>
        <translation>Enter call sheet results</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="69"/>
        <source>全部保存</source>
        <translation>Save all</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="73"/>
        <source>按点名表上的行号逐行录入。结果可以只打数字：1 平安，2 需要帮助，3 未接通，4 已上门；需要帮助的，在备注里写需要什么（送餐、送药、取暖、就医、转移、其他）。按回车进入下一格。</source>
        <translation>Type each line by its number on the call sheet. The result may be just a digit: 1 safe, 2 needs help, 3 no answer, 4 visited; for needs help, write in the note what is needed (送餐, 送药, 取暖, 就医, 转移, 其他). Enter moves to the next cell.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="78"/>
        <source>行号</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="78"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="78"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="79"/>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="106"/>
        <source>无此行号</source>
        <translation>No such line</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="133"/>
        <source>行号“%2”不在这份点名表上（录入表第%1行），请核对。</source>
        <translation>Line number “%2” is not on this call sheet (row %1 of the grid); please check it.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_sheet_dialog.py" line="137"/>
        <source>还没有录入任何一行。</source>
        <translation>No line has been entered yet.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="43"/>
        <source>登录邻里帮</source>
        <translation>Log in to LinLiBang</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="52"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="55"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="56"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/login_dialog.py" line="57"/>
        <source>邻里帮 — 社区志愿服务管理</source>
        <translation>LinLiBang — community volunteer management</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../volunteer_app/ui/main_window.py" line="63"/>
        <source>邻里帮 — 社区志愿服务管理</source>
        <translation>LinLiBang — community volunteer management</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/main_window.py" line="93"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/main_window.py" line="94"/>
        <source>当前用户：%1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/main_window.py" line="98"/>
        <source>换人登录</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/main_window.py" line="99"/>
        <source>退出当前用户，换另一位同事登录</source>
        <translation>Log out and let a colleague log in</translation>
    </message>
</context>
<context>
    <name>MonthChoices</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="471"/>
        <source>%1年%2月</source>
        <translation>%2/%1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="479"/>
        <source>%1（本月，还没结束）</source>
        <translation>%1 (this month, not over yet)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="480"/>
        <source>%1（上月）</source>
        <translation>%1 (last month)</translation>
    </message>
</context>
<context>
    <name>MonthlyDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="424"/>
        <source>队伍月度报表</source>
        <translation>Team monthly report</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="427"/>
        <source>全社区（各队及不属任何队伍的结对探访）</source>
        <translation>Whole community (every team, and visits by helpers in no team)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="438"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="439"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
</context>
<context>
    <name>NeedDoneDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="174"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>NeedsDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="70"/>
        <source>需要帮助：%1</source>
        <translation>Needs help: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="70"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="74"/>
        <source>例如：家里暖气不热，药还够两天</source>
        <translation>e.g. heating not warm, medicine for two more days</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="75"/>
        <source>需要</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_dialogs.py" line="76"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>NeedsTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="135"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="136"/>
        <source>需要</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="137"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="138"/>
        <source>处理人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="138"/>
        <source>未指派</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="139"/>
        <source>办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="139"/>
        <source>未办</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="140"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="141"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="143"/>
        <source>指派处理人…</source>
        <translation>Assign handler…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="144"/>
        <source>标记已办…</source>
        <translation>Mark done…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="151"/>
        <source>已指派处理人。</source>
        <translation>Handler assigned.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="156"/>
        <source>需要帮助已办：%1</source>
        <translation>Need done: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="157"/>
        <source>办理情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="159"/>
        <source>已标记为办结。</source>
        <translation>Marked done.</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="63"/>
        <source>新建诉求</source>
        <translation>New request</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="78"/>
        <source>手机或座机，全角数字也可以</source>
        <translation>Mobile or landline; full-width digits are fine</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="80"/>
        <source>例如：明春苑3号楼2单元</source>
        <translation>e.g. Mingchunyuan building 3 unit 2</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="82"/>
        <source>最多三级，用/分隔，如 城乡建设/物业管理/电梯</source>
        <translation>Up to three levels separated by /, e.g. construction/property/lift</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="88"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="88"/>
        <source>来电时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="89"/>
        <source>诉求人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="90"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="90"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="91"/>
        <source>问题分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="91"/>
        <source>诉求类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="92"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="92"/>
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="94"/>
        <source>办理时限按紧急程度和问题分类计算（涉及水电气热的按24小时）；工单编号自动生成。</source>
        <translation>The deadline follows the urgency and the category (water, power, gas or heating: 24 hours); the ticket number is generated.</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <location filename="../../volunteer_app/ui/paged_model.py" line="232"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="48"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="49"/>
        <source>居民</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="50"/>
        <source>志愿者与队伍</source>
        <translation>Volunteers &amp; teams</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="51"/>
        <source>任务与排班</source>
        <translation>Tasks &amp; shifts</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="54"/>
        <source>极端天气</source>
        <translation>Extreme weather</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="56"/>
        <source>80后帮90后</source>
        <translation>80s helpers for 90+</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="59"/>
        <source>诉求</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="61"/>
        <source>服务记录</source>
        <translation>Service records</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="62"/>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/__init__.py" line="63"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>PairingPage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="70"/>
        <source>80后帮90后</source>
        <translation>80s helpers for 90+</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="73"/>
        <source>匹配</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="75"/>
        <source>允许跨社区结对</source>
        <translation>Allow pairs across communities</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="87"/>
        <source>接受所选</source>
        <translation>Accept selected</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="88"/>
        <source>全部接受</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="89"/>
        <source>拒绝所选</source>
        <translation>Reject selected</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="90"/>
        <source>以后不再推荐这一对</source>
        <translation>Never suggest this pair again</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="93"/>
        <source>建议结对</source>
        <translation>Suggested pairs</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="97"/>
        <source>登记探访…</source>
        <translation>Log visit…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="99"/>
        <source>解除原因（必填）</source>
        <translation>Reason for release (required)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="100"/>
        <source>解除结对</source>
        <translation>Release pair</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="102"/>
        <source>结对与探访</source>
        <translation>Pairs &amp;&amp; visits</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="105"/>
        <source>未能结对</source>
        <translation>Could not pair</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="109"/>
        <source>逾期与未覆盖</source>
        <translation>Late &amp;&amp; uncovered</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="141"/>
        <source>点“匹配”为还没有帮手的老人生成建议结对。</source>
        <translation>Click &quot;Match&quot; to propose helpers for residents who have none.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="150"/>
        <source>还没有建议结对。建议由社区工作者点“匹配”生成。</source>
        <translation>No suggested pairs yet. Community staff make them with “Match”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="152"/>
        <source>还没有建议结对。点上面的“匹配”，为还没有帮手的“90后”老人从“80后”志愿者和社区工作者里找帮手。</source>
        <translation>No suggested pairs yet. Press “Match” above to find helpers born in the 1980s, among volunteers and community staff, for residents aged 90+ who have none.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="155"/>
        <source>这次没有找到合适的帮手，原因见“未能结对”。</source>
        <translation>No suitable helper was found this time; see “Could not pair” for why.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="156"/>
        <source>没有要结对的老人：还没有登记“90后”老人，或他们都已有帮手。</source>
        <translation>Nobody to pair: no resident aged 90+ is registered yet, or they all have a helper.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="160"/>
        <source>还没有结对。在“建议结对”里点“匹配”，再接受合适的建议。</source>
        <translation>No pairs yet. Press “Match” on “Suggested pairs”, then accept the suitable ones.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="161"/>
        <source>还没有结对。结对由社区工作者在“80后帮90后”里点“匹配”建立。</source>
        <translation>No pairs yet. Community staff pair people with “Match” on “80s helpers for 90+”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="167"/>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="181"/>
        <source>帮手</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="168"/>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="180"/>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="197"/>
        <source>老人</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="169"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="171"/>
        <source>理由</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="176"/>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="252"/>
        <source>（悬空）</source>
        <translation> (stranded)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="176"/>
        <source>每%1天</source>
        <translation>Every %1 days</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="176"/>
        <source>尚未探访</source>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="177"/>
        <source>逾期%1天</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="177"/>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="182"/>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="198"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="183"/>
        <source>探访间隔</source>
        <translation>Visit interval</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="185"/>
        <source>上次探访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="186"/>
        <source>应探访日期</source>
        <translation>Visit due</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="187"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="189"/>
        <source>结对理由</source>
        <translation>Why paired</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="195"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="199"/>
        <source>悬空</source>
        <translation>Stranded</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="200"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="217"/>
        <source>正在匹配…</source>
        <translation>Matching…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="218"/>
        <source>正在为老人匹配帮手…</source>
        <translation>Matching helpers with elderly residents…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="218"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="232"/>
        <source>已取消匹配。</source>
        <translation>Matching cancelled.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="240"/>
        <source>建议 %1 对（悬空老人 %2 位），未能结对 %3 位</source>
        <translation>%1 pairs suggested (%2 stranded elders); %3 could not be paired</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="274"/>
        <source>请先在“建议结对”里选中要接受的结对。</source>
        <translation>First select the pairs to accept under &quot;Suggested pairs&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="279"/>
        <source>无法结对</source>
        <translation>Cannot pair</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="282"/>
        <source>已结对 %1 对。</source>
        <translation>%1 pairs made.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="293"/>
        <source>请先选中要拒绝的建议。</source>
        <translation>First select the suggestions to reject.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="302"/>
        <source>已拒绝 %1 条建议。</source>
        <translation>Rejected %1 suggestions.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="342"/>
        <source>队长只能为自己带领的队伍的队员登记探访。</source>
        <translation>A captain can log visits only for members of the teams they lead.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="347"/>
        <source>请先在“结对与探访”里选中一个结对。</source>
        <translation>First select a pair under &quot;Pairs &amp; visits&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/pairing.py" line="369"/>
        <source>已解除%1与%2的结对。</source>
        <translation>Released the pair of %1 and %2.</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="19"/>
        <source>没有“%1”的权限</source>
        <translation>No permission: &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="31"/>
        <source>台账查看</source>
        <translation>View ledgers</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="31"/>
        <source>居民登记</source>
        <translation>Register residents</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="32"/>
        <source>志愿者登记</source>
        <translation>Register volunteers</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="32"/>
        <source>队伍管理</source>
        <translation>Manage teams</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="33"/>
        <source>队员管理</source>
        <translation>Manage members</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="33"/>
        <source>任务排班</source>
        <translation>Task scheduling</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="34"/>
        <source>结对管理</source>
        <translation>Manage pairs</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="34"/>
        <source>探访记录</source>
        <translation>Visit log</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="35"/>
        <source>服务记录登记</source>
        <translation>Record service</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="35"/>
        <source>服务记录核实锁定</source>
        <translation>Verify and lock service records</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="36"/>
        <source>证明与报表打印</source>
        <translation>Print certificates and reports</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="36"/>
        <source>诉求办理</source>
        <translation>Handle requests</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="37"/>
        <source>台账导入</source>
        <translation>Ledger import</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="37"/>
        <source>台账导出</source>
        <translation>Ledger export</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="38"/>
        <source>查看完整证件号和电话</source>
        <translation>View full ID numbers and phones</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="39"/>
        <source>查看健康与困难情况</source>
        <translation>View health and hardship details</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="39"/>
        <source>系统设置</source>
        <translation>System settings</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="40"/>
        <source>用户管理</source>
        <translation>Manage users</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="40"/>
        <source>备份与恢复</source>
        <translation>Backup &amp; restore</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="41"/>
        <source>操作日志查看</source>
        <translation>View audit log</translation>
    </message>
</context>
<context>
    <name>PlacesDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="42"/>
        <source>社区与小区</source>
        <translation>Communities and places</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="44"/>
        <source>社区 / 小区、院落</source>
        <translation>Community / estate, courtyard</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="44"/>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="86"/>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="106"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="44"/>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="85"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="45"/>
        <source>低洼易涝</source>
        <translation>Flood-prone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="49"/>
        <source>还没有社区。在右边填社区名称和街道，点“新增社区”；再为它新增小区或院落。</source>
        <translation>No community yet. Type its name and street on the right and press “Add community”; then add its estates or courtyards.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="51"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="73"/>
        <source>例如：高立庄社区</source>
        <translation>e.g. Gaolizhuang Community</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="75"/>
        <source>例如：花乡街道</source>
        <translation>e.g. Huaxiang Street</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="79"/>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="82"/>
        <source>新增社区</source>
        <translation>Add community</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="84"/>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="105"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="93"/>
        <source>例如：明春苑</source>
        <translation>e.g. Mingchunyuan</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="97"/>
        <source>低洼易涝（暴雨预警时巡查）</source>
        <translation>Flood-prone (patrolled in a rainstorm warning)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="99"/>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="102"/>
        <source>新增小区/院落</source>
        <translation>Add estate/courtyard</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="104"/>
        <source>所属社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="150"/>
        <source>已把“{0}”标为低洼易涝。</source>
        <translation>Marked “{0}” as flood-prone.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="150"/>
        <source>已取消“{0}”的低洼易涝。</source>
        <translation>“{0}” is no longer flood-prone.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="170"/>
        <source>已新增社区“{0}”，可以为它新增小区/院落。</source>
        <translation>Community “{0}” added; you can now add its estates or courtyards.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="177"/>
        <source>所属社区为空：请先新增社区。</source>
        <translation>Community is empty: add a community first.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/places_dialog.py" line="190"/>
        <source>已新增“{0}”，登记居民时可以选择它。</source>
        <translation>“{0}” added; it can be chosen when registering a resident.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="79"/>
        <source>有错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="79"/>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="80"/>
        <source>有提醒</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="80"/>
        <source>可导入</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="109"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="111"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="113"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/import_dialog.py" line="114"/>
        <source>第%1列</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="26"/>
        <source>将更新</source>
        <translation>Will update</translation>
    </message>
</context>
<context>
    <name>RatesTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="56"/>
        <source>打印月报…</source>
        <translation>Print monthly report…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="58"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="69"/>
        <source>本月至今</source>
        <translation>This month so far</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="74"/>
        <source>响应率</source>
        <translation>Response rate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="74"/>
        <source>解决率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="75"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="92"/>
        <source>问题分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="92"/>
        <source>（未分类）</source>
        <translation>(no category)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="93"/>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="97"/>
        <source>件数</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="94"/>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="98"/>
        <source>按时办结</source>
        <translation>Closed in time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="96"/>
        <source>工作人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="96"/>
        <source>（未派给个人）</source>
        <translation>(not given to a person)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="141"/>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="195"/>
        <source>暂无</source>
        <translation>None yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="152"/>
        <source>本月</source>
        <translation>this month</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="153"/>
        <source>%7受理 %1 件，有回访结果 %2 件：已联系 %3，已解决 %4，满意 %5，基本满意 %6。</source>
        <translation>Received in %7: %1; with a callback result: %2 (contacted %3, resolved %4, satisfied %5, basically satisfied %6).</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="158"/>
        <source>本社区自己的统计：时限内联系 %1 件，时限内办结 %2 件（已办结 %3 件），超时未办结 %4 件。</source>
        <translation>Our own figures: contacted in time %1, closed in time %2 (closed %3), open past the deadline %4.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="170"/>
        <source>%1年%2月全月</source>
        <translation>All of %2/%1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="172"/>
        <source>本月至今：%1年%2月1日（今天）</source>
        <translation>This month so far: %2/1/%1 (today)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="174"/>
        <source>本月至今：%1年%2月1日至%3日</source>
        <translation>This month so far: %2/%1, days 1 to %3</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="181"/>
        <source>%1没有已回访的工单，所以三率暂无：三率只按12345回访结果计算。</source>
        <translation>No ticket of %1 has a callback result, so there are no rates: the three rates count only 12345 callback results.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="183"/>
        <source>本月还没有已回访的工单，所以三率暂无：三率只按12345回访结果计算，登记了回访结果才有。右边是上月（%1）全月的三率。</source>
        <translation>No ticket of this month has a callback result yet, so there are no rates: the three rates count only 12345 callback results, and appear once one is registered. Beside them are last month&apos;s (%1) rates for the whole month.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_rates.py" line="193"/>
        <source>上月（%1全月）</source>
        <translation>Last month (all of %1)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="43"/>
        <source>更正服务记录</source>
        <translation>Correct service record</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="44"/>
        <source>修改服务记录</source>
        <translation>Edit service record</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="44"/>
        <source>新增服务记录</source>
        <translation>Add service record</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="53"/>
        <source>（不属于队伍活动）</source>
        <translation>(not a team activity)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="63"/>
        <source>服务对象，没有可不填</source>
        <translation>Beneficiary (optional)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="65"/>
        <source>做了什么，例如：桶前值守、指导分类</source>
        <translation>What was done, e.g. bin duty, sorting guidance</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="68"/>
        <source>必填：为什么更正，例如“签到表核对，结束时间应为11:30”</source>
        <translation>Required: why the correction, e.g. &quot;checked against the sign-in sheet, end time should be 11:30&quot;</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="72"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="73"/>
        <source>所属队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="74"/>
        <source>服务类别</source>
        <translation>Service type</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="75"/>
        <source>服务日期</source>
        <translation>Service date</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="76"/>
        <source>开始时间</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="77"/>
        <source>结束时间</source>
        <translation>End time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="78"/>
        <source>服务对象</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="79"/>
        <source>服务内容</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="80"/>
        <source>活动负责人</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="82"/>
        <source>更正原因</source>
        <translation>Reason for correction</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="83"/>
        <source>原记录会保留并标为“已更正”，更正后的记录代替它计入时长。</source>
        <translation>The original record is kept and marked &quot;corrected&quot;; the corrected record counts towards the hours instead.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="87"/>
        <source>保存更正</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="87"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="88"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/record_dialog.py" line="96"/>
        <source>还没有志愿者：先在“志愿者与队伍”里点“新增志愿者”，再来补登服务记录。</source>
        <translation>No volunteers yet: first press “Add volunteer” in “Volunteers &amp; teams”, then come back to enter the record.</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="63"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="64"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="65"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="66"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="67"/>
        <source>服务类别</source>
        <translation>Service type</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="68"/>
        <source>时长</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="71"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="72"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="73"/>
        <source>服务对象</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="74"/>
        <source>服务内容</source>
        <translation>Service</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="115"/>
        <source>没有符合条件的服务记录。清空查找框，或把筛选改回“全部”试试。</source>
        <translation>No service records match. Clear the search box, or set the filters back to “All”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="116"/>
        <source>还没有服务记录。志愿者在“任务与排班”里签到、签退后，记录会自动出现在这里。</source>
        <translation>No service records yet. When volunteers check in and out in “Tasks &amp; shifts”, their records appear here.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="118"/>
        <source>没有排班的服务，点“新增记录”补登。</source>
        <translation>Service without a shift: enter it with “Add record”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="122"/>
        <location filename="../../volunteer_app/ui/pages/records.py" line="179"/>
        <source>服务记录</source>
        <translation>Service records</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="126"/>
        <source>志愿者：姓名、拼音首字母或编号</source>
        <translation>Volunteer: name, pinyin initials or number</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="128"/>
        <source>全部队伍</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="130"/>
        <source>全部类别</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="132"/>
        <source>全部月份</source>
        <translation>All months</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="134"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="150"/>
        <source>新增记录</source>
        <translation>Add record</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="151"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="152"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="153"/>
        <source>核实并锁定</source>
        <translation>Verify and lock</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="154"/>
        <source>更正</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="155"/>
        <source>打印证明</source>
        <translation>Print certificates</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="156"/>
        <source>月度报表</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="157"/>
        <source>导出PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="183"/>
        <source>时长与星级</source>
        <translation>Hours &amp;&amp; stars</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="185"/>
        <source>证明登记簿</source>
        <translation>Certificate register</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="243"/>
        <source>共 {0} 条记录，合计 {1} 小时，其中已核实 {2} 小时（已更正的原记录不计）</source>
        <translation>{0} records, {1} hours in all, {2} hours verified (corrected originals not counted)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="259"/>
        <source>已核实锁定的记录不能修改或删除，请用“更正”</source>
        <translation>Verified, locked records cannot be edited or deleted; use &quot;Correct&quot;</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="318"/>
        <source>请先选择“已记录”状态的记录（可按住Ctrl或Shift多选）。</source>
        <translation>First select records in the &quot;recorded&quot; state (hold Ctrl or Shift to select several).</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="325"/>
        <source>已核实并锁定 {0} 条记录。锁定后不能修改或删除，如有错误请用“更正”。</source>
        <translation>Verified and locked {0} records. Locked records cannot be edited or deleted; use &quot;Correct&quot; for mistakes.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="340"/>
        <source>这条记录状态为“{0}”，已核实锁定，不能修改或删除。如有错误，请督导选中它点“更正”并写明原因，原记录会保留。</source>
        <translation>This record is &quot;{0}&quot;: verified and locked, it cannot be edited or deleted. For a mistake, a supervisor selects it, clicks &quot;Correct&quot; and gives the reason; the original record is kept.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="355"/>
        <source>删除服务记录</source>
        <translation>Delete service record</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="356"/>
        <source>删除 {0} 在 {1} 的这条记录（{2} 小时）？</source>
        <translation>Delete this record of {0} on {1} ({2} hours)?</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="382"/>
        <source>志愿者“{0}”，</source>
        <translation>Volunteer &quot;{0}&quot;, </translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="386"/>
        <source>导出为PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="387"/>
        <source>PDF文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="394"/>
        <source>正在导出，请稍候……</source>
        <translation>Exporting, please wait…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="395"/>
        <source>正在导出服务记录……</source>
        <translation>Exporting service records…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="402"/>
        <source>已取消导出，没有生成文件。</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="405"/>
        <source>无法写入 {0}：{1}。请换一个文件夹。</source>
        <translation>Cannot write {0}: {1}. Please choose another folder.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="411"/>
        <source>（共 {0} 条，只导出前 {1} 条）</source>
        <translation>({0} in all; only the first {1} are exported)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/records.py" line="412"/>
        <source>已导出 {0} 条记录：{1}</source>
        <translation>Exported {0} records: {1}</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="106"/>
        <source>%1 至 %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="108"/>
        <source>证明编号</source>
        <translation>Certificate No.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="109"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="110"/>
        <source>证明期间</source>
        <translation>Certificate period</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="113"/>
        <source>时长（小时）</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="114"/>
        <source>开具人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="115"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="116"/>
        <source>开具时间</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="118"/>
        <source>补打</source>
        <translation>Reprints</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="122"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="122"/>
        <source>补打（原证明 {0}）</source>
        <translation>Reprint (original certificate {0})</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="274"/>
        <source>志愿者姓名、拼音首字母或证明编号</source>
        <translation>Volunteer name, pinyin initials or certificate number</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="290"/>
        <source>共 {0} 份证明（含补打）。证明在打印或保存为PDF时编号登记，预览不登记。</source>
        <translation>{0} certificates in all (reprints included). A certificate is numbered and registered when printed or saved as PDF, not when previewed.</translation>
    </message>
</context>
<context>
    <name>RequestImportDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="36"/>
        <source>导入12345工单</source>
        <translation>Import 12345 tickets</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="37"/>
        <source>请选择12345系统导出的 .xlsx 或 .csv 文件</source>
        <translation>Choose the .xlsx or .csv file exported from the 12345 system</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="39"/>
        <source>已有的工单按工单编号更新来电信息和回访结果，签收、联系、派单和办理结果保持不变。</source>
        <translation>Tickets already saved are updated by ticket number (call details and callback results); signing, contact, dispatch and resolution stay as they are.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="50"/>
        <source>检查已取消。</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="53"/>
        <source>共%1行：新工单%2件，已有工单将更新%3件，有错误%4行（红色单元格，鼠标停留可看原因），有提醒%5行。</source>
        <translation>%1 rows: %2 new tickets, %3 saved tickets to update, %4 rows with errors (red cells; hover to see why), %5 rows with notes.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="59"/>
        <source>没有哪一列对应到“%1”，请在左边的“导入为”中选择。</source>
        <translation>No column is mapped to “%1”; choose it under “Import as” on the left.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="64"/>
        <source>导入完成：新增%1件，更新%2件，未变%3件，未导入%4件。</source>
        <translation>Import finished: %1 added, %2 updated, %3 unchanged, %4 not imported.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="69"/>
        <source>选择12345导出文件</source>
        <translation>Choose a 12345 export file</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_import.py" line="70"/>
        <source>12345导出文件 (*.xlsx *.xlsm *.xls *.csv)</source>
        <translation>12345 export files (*.xlsx *.xlsm *.xls *.csv)</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/requests_page.py" line="26"/>
        <source>诉求（接诉即办）</source>
        <translation>Requests (12345 hotline)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/requests_page.py" line="30"/>
        <source>工单</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/requests_page.py" line="33"/>
        <source>三率</source>
        <translation>Three rates</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/requests_page.py" line="34"/>
        <source>未诉先办</source>
        <translation>Act before the call</translation>
    </message>
</context>
<context>
    <name>RequestsReportDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/requests_report_dialog.py" line="39"/>
        <source>接诉即办月报</source>
        <translation>12345 monthly report</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/requests_report_dialog.py" line="46"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/requests_report_dialog.py" line="58"/>
        <source>本月还没结束：月报只含%1年%2月1日至%3日受理的工单，以后登记的回访还会改变三率。</source>
        <translation>This month is not over: the report holds only the tickets received in %2/%1, days 1 to %3; callbacks registered later will still change the three rates.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/requests_report_dialog.py" line="60"/>
        <source>上月，已结束：月报含%1年%2月1日至%3日受理的全部工单。</source>
        <translation>Last month, complete: the report holds every ticket received in %2/%1, days 1 to %3.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/requests_report_dialog.py" line="62"/>
        <source>月报含%1年%2月1日至%3日受理的全部工单。</source>
        <translation>The report holds every ticket received in %2/%1, days 1 to %3.</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="43"/>
        <source>有电梯</source>
        <translation>Has a lift</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="44"/>
        <source>不能上下楼</source>
        <translation>Cannot use stairs</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="45"/>
        <source>独居</source>
        <translation>Lives alone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="46"/>
        <source>空巢</source>
        <translation>Empty nest</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="47"/>
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="48"/>
        <source>失智</source>
        <translation>Dementia</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="49"/>
        <source>重病</source>
        <translation>Serious illness</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="50"/>
        <source>困难</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="51"/>
        <source>附近有家属</source>
        <translation>Family nearby</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="53"/>
        <source>依赖电力或氧气</source>
        <translation>Depends on power or oxygen</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="54"/>
        <source>慢性病</source>
        <translation>Chronic illness</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="57"/>
        <source>家中使用制氧机、呼吸机等，停电有危险；极端天气时列入点名</source>
        <translation>Uses an oxygen concentrator, ventilator or the like at home: a power cut is dangerous; on the roll-call in extreme weather</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="58"/>
        <source>高血压、糖尿病、心脏病等；高温预警时列入点名</source>
        <translation>High blood pressure, diabetes, heart disease and the like; on the roll-call in a heat warning</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="60"/>
        <source>跑腿代办</source>
        <translation>Errands</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="60"/>
        <source>陪同就医</source>
        <translation>Hospital visits</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="61"/>
        <source>上下楼</source>
        <translation>Stairs</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="61"/>
        <source>助餐</source>
        <translation>Meals</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="62"/>
        <source>打扫卫生</source>
        <translation>Cleaning</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="62"/>
        <source>聊天陪伴</source>
        <translation>Company and talk</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="63"/>
        <source>代购药品</source>
        <translation>Buying medicine</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="64"/>
        <source>书面</source>
        <translation>In writing</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="65"/>
        <source>口头（有见证人）</source>
        <translation>Verbal (with a witness)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="66"/>
        <source>家属代签</source>
        <translation>Signed by family</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="66"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="68"/>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="68"/>
        <source>重点</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="69"/>
        <source>一般</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="87"/>
        <source>新增居民</source>
        <translation>Add resident</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="87"/>
        <source>编辑居民</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="100"/>
        <source>18位身份证号，自动带出出生日期和性别</source>
        <translation>18-digit ID number; birth date and gender are filled in from it</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="106"/>
        <source>无身份证号时填写，例如 1932-05-08</source>
        <translation>Fill in when there is no ID number, e.g. 1932-05-08</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="108"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="109"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="110"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="116"/>
        <source>11位手机号，或固定电话如 010-63712345</source>
        <translation>11-digit mobile number, or a landline such as 010-63712345</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="118"/>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="130"/>
        <source>楼号</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="130"/>
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="131"/>
        <source>门牌</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="136"/>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="138"/>
        <source> 层</source>
        <translation> (floor)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="147"/>
        <source>家属姓名和电话</source>
        <translation>Family member&apos;s name and phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="148"/>
        <source>同意上门探访和结对</source>
        <translation>Agrees to home visits and pairing</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="156"/>
        <source>健康信息单独同意</source>
        <translation>Separate consent for health information</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="159"/>
        <source>同意人，如 本人、女儿王芳</source>
        <translation>Given by, e.g. the resident, or daughter Wang Fang</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="171"/>
        <source>敏感信息：需居民另行同意</source>
        <translation>Sensitive: needs the resident&apos;s separate consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="175"/>
        <source>您的角色不能查看或填写健康信息</source>
        <translation>Your role cannot view or enter health information</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="179"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="188"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="189"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="190"/>
        <source>出生日期 *</source>
        <translation>Birth date *</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="191"/>
        <source>性别 *</source>
        <translation>Gender *</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="192"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="193"/>
        <source>小区/院落 *</source>
        <translation>Estate/courtyard *</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="194"/>
        <source>楼号/单元/门牌</source>
        <translation>Building/unit/room</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="196"/>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="197"/>
        <source>情况</source>
        <translation>Circumstances</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="198"/>
        <source>包户人</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="199"/>
        <source>需要的帮助</source>
        <translation>Help needed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="200"/>
        <source>紧急联系人</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="201"/>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="204"/>
        <source>健康情况</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="207"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="210"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="210"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="342"/>
        <source>所属社区：%1</source>
        <translation>Community: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="298"/>
        <source>编号%1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="344"/>
        <source>请填写带 * 的项目后保存。</source>
        <translation>Fill in the fields marked * before saving.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="350"/>
        <source>保存后视为撤回同意：该居民的%1个结对将解除（原因：撤回同意），不再匹配，也不能再登记探访。</source>
        <translation>Saving withdraws consent: this resident&apos;s %1 pair(s) will end (reason: consent withdrawn); they will not be matched and no visits can be logged.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="357"/>
        <source>年龄：%1 岁</source>
        <translation>Age: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="358"/>
        <source>风险等级：%1，每%2天探访</source>
        <translation>Risk level: %1, visit every %2 days</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="360"/>
        <source>悬空老人：是</source>
        <translation>Stranded elder: yes</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/resident_dialog.py" line="360"/>
        <source>悬空老人：否</source>
        <translation>Stranded elder: no</translation>
    </message>
</context>
<context>
    <name>ResidentsModel</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="53"/>
        <source>无</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="53"/>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="55"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="56"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="57"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="58"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="59"/>
        <source>小区/院落</source>
        <translation>Estate/courtyard</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="60"/>
        <source>所属社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="61"/>
        <source>楼号</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="62"/>
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="63"/>
        <source>门牌</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="64"/>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="65"/>
        <source>电梯</source>
        <translation>Lift</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="66"/>
        <source>悬空老人</source>
        <translation>Stranded elders</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="67"/>
        <source>独居</source>
        <translation>Lives alone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="68"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="98"/>
        <source>居民</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="101"/>
        <source>查找：姓名、拼音首字母（如 zjg）、电话尾号或楼号</source>
        <translation>Find: name, pinyin initials (e.g. zjg), a phone&apos;s last digits or building</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="103"/>
        <source>只看悬空老人</source>
        <translation>Stranded elders only</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="104"/>
        <source>只看90岁以上</source>
        <translation>Aged 90+ only</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="105"/>
        <source>只看独居</source>
        <translation>Living alone only</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="106"/>
        <source>只看未覆盖</source>
        <translation>Only uncovered</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="107"/>
        <source>高风险和重点居民中，既没有结对帮手、也没有包户人的</source>
        <translation>High- and priority-tier residents with neither a helper nor a responsible staff member</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="135"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="137"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="138"/>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="272"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="140"/>
        <source>小区/院落…</source>
        <translation>Estates/courtyards…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_app/ui/pages/residents.py" line="112"/>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="220"/>
        <source>共 %n 人</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="213"/>
        <source>没有符合条件的居民。清空查找框或取消勾选试试。</source>
        <translation>No residents match. Clear the search box or untick the boxes.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="215"/>
        <source>还没有居民。居民由社区工作者登记。</source>
        <translation>No residents yet. Community staff register residents.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="216"/>
        <source>还没有居民。先点“小区/院落…”建好社区和小区，再点“新增”逐个登记，或点“导入…”把现有的 Excel 台账导进来。</source>
        <translation>No residents yet. First set up the community and its estates with “Estates/courtyards…”, then register residents one by one with “Add”, or bring in your Excel ledger with “Import…”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="248"/>
        <source>没有权限</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="261"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="268"/>
        <source>归档居民</source>
        <translation>Archive resident</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="270"/>
        <source>归档“%1”？归档后不在列表中显示，走访、结对和诉求记录都保留。
归档原因：</source>
        <translation>Archive &quot;%1&quot;? Archived residents leave the list; their visits, pairs and requests are kept.
Reason for archiving:</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="273"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="282"/>
        <source>未能归档</source>
        <translation>Could not archive</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/residents.py" line="284"/>
        <source>已归档，历史记录保留。</source>
        <translation>Archived; the history is kept.</translation>
    </message>
</context>
<context>
    <name>Reveal</name>
    <message>
        <location filename="../../volunteer_app/ui/reveal.py" line="32"/>
        <source>（未登记）</source>
        <translation>(not registered)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/reveal.py" line="39"/>
        <source>查看并修改完整号码；查看会记入操作日志</source>
        <translation>View and edit the full numbers; viewing is recorded in the audit log</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/reveal.py" line="56"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/reveal.py" line="56"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/reveal.py" line="57"/>
        <source>紧急联系人</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/reveal.py" line="61"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/reveal.py" line="38"/>
        <location filename="../../volunteer_app/ui/reveal.py" line="67"/>
        <location filename="../../volunteer_app/ui/reveal.py" line="77"/>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/reveal.py" line="78"/>
        <source>请先在表格中选中一行。</source>
        <translation>First select a row in the table.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/reveal.py" line="81"/>
        <source>完整号码（已记入操作日志）</source>
        <translation>Full numbers (written to the audit log)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="45"/>
        <source>系统管理员（命令行）</source>
        <translation>Administrator (command line)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="45"/>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="46"/>
        <source>社区工作者</source>
        <translation>Community staff</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="46"/>
        <source>队长</source>
        <translation>Captain</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/permissions.py" line="47"/>
        <source>督导</source>
        <translation>Supervisor</translation>
    </message>
</context>
<context>
    <name>RollTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="64"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="64"/>
        <source>未联系</source>
        <translation>Not tried</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="65"/>
        <source>未接通</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="65"/>
        <source>需要帮助</source>
        <translation>Needs help</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="66"/>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="140"/>
        <source>已转上门</source>
        <translation>Door visit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="66"/>
        <source>已联系</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="69"/>
        <source>姓名、地址或电话尾号</source>
        <translation>Name, address or phone ending</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="121"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="122"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="123"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="125"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="126"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="127"/>
        <source>家属联系</source>
        <translation>Family contact</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="128"/>
        <source>联系人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="129"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="130"/>
        <source>等待分钟</source>
        <translation>Waiting min</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="132"/>
        <source>次数</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="134"/>
        <source>点名原因</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="144"/>
        <source>1 平安</source>
        <translation>1 Safe</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="145"/>
        <source>2 需要帮助…</source>
        <translation>2 Needs help…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="146"/>
        <source>3 未接通</source>
        <translation>3 No answer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="147"/>
        <source>4 已上门</source>
        <translation>4 Visited</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="148"/>
        <source>5 经家属确认</source>
        <translation>5 Via family</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="149"/>
        <source>家属接的电话、替老人确认（下一次登记后自动取消）</source>
        <translation>The family answered for the resident (cleared after the next result)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="211"/>
        <source>（未定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="218"/>
        <source>全部联系人</source>
        <translation>All callers</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="243"/>
        <source>%1 人，已联系 %2</source>
        <translation>%1 residents, %2 reached</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="284"/>
        <source>请在上面的名单里选择一位居民</source>
        <translation>Choose a resident in the list above</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="286"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="287"/>
        <source>%1  %2    电话 %3    家属 %4</source>
        <translation>%1  %2    phone %3    family %4</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="331"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="333"/>
        <source>（待指派）</source>
        <translation>(to assign)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="334"/>
        <source>，已转上门查看：%1</source>
        <translation>, sent for a door visit: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_roll_table.py" line="345"/>
        <source>%1的点名结果没有保存：%2</source>
        <translation>%1: the roll-call result was not saved: %2</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="51"/>
        <source>导出名单</source>
        <translation>Export list</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="61"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="62"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="63"/>
        <source>保存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="65"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="89"/>
        <source>%1年第%2周（%3月%4日–%5月%6日）</source>
        <translation>%1 week %2 (%3/%4–%5/%6)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="93"/>
        <source>复制微信群文本</source>
        <translation>Copy WeChat group text</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="94"/>
        <source>保存队伍日历(.ics)…</source>
        <translation>Save team calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="96"/>
        <source>保存个人日历(.ics，四周)…</source>
        <translation>Save personal calendars (.ics, four weeks)…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="104"/>
        <source>A4 名单可预览、打印或存为PDF；微信文本复制后直接粘贴到队伍群；日历文件(.ics)发给队员，手机日历打开即可导入，重新导出会更新而不重复。</source>
        <translation>The A4 list can be previewed, printed or saved as PDF; the WeChat text can be pasted straight into the team group; send the calendar file (.ics) to members: a phone calendar imports it, and exporting again updates it without duplicates.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="108"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="109"/>
        <source>周次</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="110"/>
        <source>分享</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="111"/>
        <source>个人日历</source>
        <translation>Personal calendar</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="134"/>
        <source>还没有队伍，请先在“志愿者与队伍”里建立队伍。</source>
        <translation>No teams yet; first create one under &quot;Volunteers &amp; teams&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="172"/>
        <source>保存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="173"/>
        <source>PDF文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="179"/>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="215"/>
        <source>无法写入 {0}：{1}。请换一个文件夹。</source>
        <translation>Cannot write {0}: {1}. Please choose another folder.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="182"/>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="219"/>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="186"/>
        <source>%1_%2_值班表.pdf</source>
        <translation>%1_%2_roster.pdf</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="202"/>
        <source>已复制，可以粘贴到微信群（共 {0} 行）。</source>
        <translation>Copied; paste it into the WeChat group ({0} lines).</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="206"/>
        <source>保存日历文件</source>
        <translation>Save calendar file</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="207"/>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/roster_dialog.py" line="232"/>
        <source>这支队伍还没有队员。</source>
        <translation>This team has no members yet.</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="56"/>
        <source>%1年第%2周 %3月%4日–%5月%6日</source>
        <translation>%1 week %2, %3/%4–%5/%6</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="80"/>
        <source>任务与排班</source>
        <translation>Tasks &amp; shifts</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="88"/>
        <source>上一周</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="89"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="90"/>
        <source>下一周</source>
        <translation>Next week</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="94"/>
        <source>周视图</source>
        <translation>Week view</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="95"/>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="127"/>
        <source>缺人</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="127"/>
        <source>已够</source>
        <translation>Enough</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="128"/>
        <source>已满</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="128"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="134"/>
        <source>新建任务</source>
        <translation>New task</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="135"/>
        <source>编辑班次</source>
        <translation>Edit shift</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="136"/>
        <source>取消班次</source>
        <translation>Cancel shift</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="137"/>
        <source>安排人员</source>
        <translation>Assign people</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="138"/>
        <source>一键补缺</source>
        <translation>Fill gaps</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="139"/>
        <source>接龙导入</source>
        <translation>Import sign-up chain</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="140"/>
        <source>签到/签退</source>
        <translation>Check in/out</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="141"/>
        <source>导出名单</source>
        <translation>Export list</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="142"/>
        <source>服务类型</source>
        <translation>Service types</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="195"/>
        <source>全部队伍</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="216"/>
        <source>本周 {0} 个班次，其中缺人 {1} 个</source>
        <translation>{0} shifts this week, {1} short of people</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="253"/>
        <source>还没有队伍。任务属于队伍：先在“志愿者与队伍”里点“新建队伍”。</source>
        <translation>No team yet. A task belongs to a team: first press “New team” in “Volunteers &amp; teams”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="255"/>
        <source>还没有队伍。队伍由社区工作者在“志愿者与队伍”里建立。</source>
        <translation>No team yet. Community staff set up teams in “Volunteers &amp; teams”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="257"/>
        <source>这一周还没有班次。点“新建任务”排出任务和它的班次，或点“上一周”“下一周”看看。</source>
        <translation>No shifts this week. Press “New task” to plan a task and its shifts, or look at the previous or next week.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="258"/>
        <source>这一周还没有班次。班次由社区工作者或本队队长安排。</source>
        <translation>No shifts this week. Community staff or the team captain plan shifts.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="266"/>
        <source>点选一个班次查看详情；双击可安排人员。</source>
        <translation>Click a shift to see its details; double-click to assign people.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="273"/>
        <source>这个班次已取消</source>
        <translation>This shift is cancelled</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="274"/>
        <source>只能为自己带领的队伍排班</source>
        <translation>You can schedule only the teams you lead</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/schedule.py" line="337"/>
        <source>请先选择一支您可以排班的队伍。</source>
        <translation>First choose a team you can schedule.</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_dialog.py" line="33"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_dialog.py" line="34"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ServiceTypeDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="44"/>
        <source>服务类型</source>
        <translation>Service types</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="50"/>
        <source>新增类型</source>
        <translation>Add type</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="56"/>
        <source>例如：铲冰除雪</source>
        <translation>e.g. ice and snow clearing</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="57"/>
        <source>重体力（如铲冰、搬运）</source>
        <translation>Heavy labour (e.g. ice clearing, carrying)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="58"/>
        <source>轻</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="69"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="72"/>
        <source>用顿号或逗号分开，例如：急救、驾驶</source>
        <translation>Separate with commas, e.g. first aid, driving</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="73"/>
        <source>需要为志愿者购买保险</source>
        <translation>Volunteers need insurance</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="74"/>
        <source>重体力任务不安排有健康限制或超过年龄上限的志愿者。</source>
        <translation>Heavy tasks are not given to volunteers with a health limit or above the age limit.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="78"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="79"/>
        <source>强度</source>
        <translation>Intensity</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="80"/>
        <source>通常时长</source>
        <translation>Usual duration</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="81"/>
        <source>所需技能</source>
        <translation>Skills needed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="85"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="87"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="88"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="142"/>
        <source>系统自带的类型可以修改，不能停用</source>
        <translation>Built-in types can be edited but not deactivated</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="155"/>
        <source>填写新类型后点“保存”。</source>
        <translation>Fill in the new type, then click &quot;Save&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="166"/>
        <source>已新增服务类型“{0}”。</source>
        <translation>Added service type &quot;{0}&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="171"/>
        <source>已保存“{0}”。</source>
        <translation>Saved &quot;{0}&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/service_type_dialog.py" line="189"/>
        <source>已停用“{0}”，以前的任务和记录仍保留这个类型。</source>
        <translation>Deactivated &quot;{0}&quot;; earlier tasks and records keep this type.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="49"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="52"/>
        <source>常规设置</source>
        <translation>General settings</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="54"/>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="69"/>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="215"/>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="223"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="56"/>
        <source>备份与恢复</source>
        <translation>Backup &amp;&amp; restore</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="58"/>
        <source>街道服务器</source>
        <translation>Street server</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="85"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="171"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="171"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="171"/>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="230"/>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="239"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="172"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="172"/>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="180"/>
        <source>新增用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="181"/>
        <source>修改角色…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="182"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="183"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="191"/>
        <source>管理员账户只管理用户、设置和备份；登记居民和志愿者请用“社区工作者”账户。</source>
        <translation>Administrator accounts manage only users, settings and backups; register residents and volunteers with a &quot;Community staff&quot; account.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="203"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="204"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="204"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="207"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="215"/>
        <source>请先在表格中选中一位用户。</source>
        <translation>First select a user in the table.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="239"/>
        <source>还没有任何队伍设了队长或副队长。</source>
        <translation>No team has a captain or vice-captain yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="241"/>
        <source>队长</source>
        <translation>Captain</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="241"/>
        <source>这个账户属于哪位队长</source>
        <translation>Which captain this account belongs to</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="265"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="266"/>
        <source>“{0}”的新密码（至少8位）</source>
        <translation>New password for &quot;{0}&quot; (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="279"/>
        <source>备份到文件…</source>
        <translation>Back up to a file…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="280"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="284"/>
        <source>备份是数据库的完整副本，请存到U盘或另一台电脑上。也可以用任务计划每晚运行：python main.py backup --out 文件</source>
        <translation>A backup is a complete copy of the database: keep it on a USB drive or another computer. The task scheduler can also run this every night: python main.py backup --out FILE</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="303"/>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="303"/>
        <source>邻里帮备份</source>
        <translation>LinLiBang backup</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="310"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="315"/>
        <source>备份失败：%1</source>
        <translation>Backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="389"/>
        <source>恢复后无法打开数据库文件 {0}：{1}
窗口中不再显示这个文件的数据。请关闭邻里帮，再用命令 python main.py restore 备份文件 --db {0} 恢复一个完好的备份。</source>
        <translation>After the restore the database file {0} cannot be opened: {1}
The window no longer shows this file&apos;s data. Close LinLiBang, then restore a sound backup with the command python main.py restore BACKUP_FILE --db {0}.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="395"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="313"/>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="323"/>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="329"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="330"/>
        <source>恢复会用备份“%1”替换当前的全部数据（当前数据另存一份，可以再恢复回来）。继续吗？</source>
        <translation>Restoring replaces all current data with the backup “%1” (the current data are kept in a separate copy that can be restored again). Continue?</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="354"/>
        <source>正在等待上报、备份等后台工作结束，然后从备份恢复…</source>
        <translation>Waiting for the work in the background (publishing, a backup) to finish, then restoring from the backup…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="384"/>
        <source>已恢复。原数据另存为 {0}。</source>
        <translation>Restored. The previous data were saved as {0}.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="361"/>
        <source>正在从备份恢复，请稍候…</source>
        <translation>Restoring from the backup, please wait…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="380"/>
        <source>恢复失败：{0}。当前数据没有改动。</source>
        <translation>Restore failed: {0}. The current data is unchanged.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="381"/>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/settings_page.py" line="386"/>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="384"/>
        <source>编辑班次</source>
        <translation>Edit shift</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="396"/>
        <source>最少</source>
        <translation>at least</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="398"/>
        <source>最多</source>
        <translation>at most</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="402"/>
        <source>例如：带扫帚，在东门集合</source>
        <translation>e.g. bring a broom, meet at the east gate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="405"/>
        <source>“以后”指同一任务、同一开始时间、这一天及之后的班次；日期只能逐个修改。</source>
        <translation>&quot;Later&quot; means shifts of the same task with the same start time, on this day and after; dates can only be changed one by one.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="413"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="414"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="415"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="416"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="417"/>
        <source>修改范围</source>
        <translation>Apply to</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="420"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="420"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ShiftTable</name>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="37"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="39"/>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="41"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="43"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="45"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="47"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="49"/>
        <source>轮值</source>
        <translation>Rota</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="51"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="53"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/shift_table.py" line="55"/>
        <source>人员</source>
        <translation>People</translation>
    </message>
</context>
<context>
    <name>SlotRow</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="62"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="172"/>
        <source>工作人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="177"/>
        <source>还没有在册的社区工作者：请先在“志愿者与队伍”里登记。</source>
        <translation>No community staff registered yet: add them under Volunteers &amp; teams first.</translation>
    </message>
</context>
<context>
    <name>StandingsModel</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="48"/>
        <source>未达星级</source>
        <translation>No star yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="48"/>
        <source>一星级</source>
        <translation>1 star</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="49"/>
        <source>二星级</source>
        <translation>2 stars</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="49"/>
        <source>三星级</source>
        <translation>3 stars</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="50"/>
        <source>四星级</source>
        <translation>4 stars</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="50"/>
        <source>五星级</source>
        <translation>5 stars</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="65"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="66"/>
        <source>志愿者编号</source>
        <translation>Volunteer No.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="67"/>
        <source>本月时长</source>
        <translation>Hours this month</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="68"/>
        <source>本年时长</source>
        <translation>Hours this year</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="69"/>
        <source>累计时长</source>
        <translation>Total hours</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="70"/>
        <source>其中已核实</source>
        <translation>of which verified</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="72"/>
        <source>距下一星级</source>
        <translation>To next star</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="73"/>
        <source>星级</source>
        <translation>Stars</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="78"/>
        <source>已满五星</source>
        <translation>Five stars reached</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="78"/>
        <source>{0} 小时</source>
        <translation>{0} h</translation>
    </message>
</context>
<context>
    <name>StandingsPanel</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="178"/>
        <source>志愿者：姓名、拼音首字母或编号</source>
        <translation>Volunteer: name, pinyin initials or number</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="181"/>
        <source>全部志愿者</source>
        <translation>All volunteers</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="187"/>
        <source>{0}年度</source>
        <translation>Year {0}</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="188"/>
        <source>导出年度统计…</source>
        <translation>Export yearly summary…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="189"/>
        <source>所选年度每位志愿者的服务时长与星级：PDF（含全年按月、按类别合计）、Excel 或 CSV；选了队伍则只统计该队组织的服务</source>
        <translation>Each volunteer&apos;s hours and stars for the chosen year: PDF (with totals by month and by type), Excel or CSV; with a team chosen, only services that team organised count</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="200"/>
        <source>时长不含已被更正的原记录；星级按累计已核实、计入星级的时长评定（100、300、600、1000、1500小时为一至五星级；社区工作者工作时间内的服务登记但不计星级）。</source>
        <translation>Hours exclude corrected originals; stars follow the verified hours that count for stars (100, 300, 600, 1,000 and 1,500 hours for one to five stars; staff service in working hours is recorded but earns no stars).</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="221"/>
        <source>%1年度志愿服务时长统计.pdf</source>
        <translation>volunteer_hours_%1.pdf</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="223"/>
        <source>导出年度统计</source>
        <translation>Export yearly summary</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="224"/>
        <source>PDF文件 (*.pdf);;Excel 文件 (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>PDF files (*.pdf);;Excel files (*.xlsx);;CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="231"/>
        <source>文件名请以 .pdf、.xlsx 或 .csv 结尾。</source>
        <translation>Please end the file name with .pdf, .xlsx or .csv.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="234"/>
        <source>正在导出年度统计……</source>
        <translation>Exporting the yearly summary…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="240"/>
        <source>已取消导出。</source>
        <translation>Export cancelled.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="246"/>
        <source>无法写入 {0}：{1}。请换一个文件夹。</source>
        <translation>Cannot write {0}: {1}. Please choose another folder.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/record_panels.py" line="253"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>StartAlertDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="52"/>
        <source>发布极端天气预警</source>
        <translation>Issue an extreme-weather warning</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="68"/>
        <source>预计</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="72"/>
        <source>把气象台发布的预警信号原文粘贴到这里</source>
        <translation>Paste the weather office&apos;s warning text here</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="75"/>
        <source>正在计算点名名单……</source>
        <translation>Working out the roll-call…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="78"/>
        <source>保险公司和保单号，例如：人保财险 PICC-2026-0088</source>
        <translation>Insurer and policy number, e.g. PICC PICC-2026-0088</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="79"/>
        <source>保险</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="84"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="85"/>
        <source>发布时间</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="86"/>
        <source>解除时间</source>
        <translation>Ends at</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="87"/>
        <source>预警原文</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="88"/>
        <source>覆盖社区</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="89"/>
        <source>将生成</source>
        <translation>Will build</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="93"/>
        <source>发布</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="93"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="135"/>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="171"/>
        <source>请至少选择一个社区。</source>
        <translation>Please choose at least one community.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="142"/>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="145"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="144"/>
        <source>点名 %1 人（%2）；值班：%3</source>
        <translation>Roll-call of %1 (%2); duty: %3</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="147"/>
        <source>，地点：%1</source>
        <translation>, at: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="160"/>
        <source>进行中：%1。同类型更高级别的预警将升级它，其他预警请先解除。</source>
        <translation>In force: %1. A higher level of the same type upgrades it; lift it before issuing any other warning.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_start_dialog.py" line="176"/>
        <source>解除时间应晚于发布时间。</source>
        <translation>The end must be later than the start.</translation>
    </message>
</context>
<context>
    <name>StreetSettingsTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="56"/>
        <source>街道办事处用街道服务器（PostgreSQL）汇总各社区的情况。本社区的数据只上报下面列出的项目，姓名、身份证号、电话等个人信息从不离开这台电脑（个人信息保护法第6条：最小必要）。断网时照常使用，变更会攒着，连上后自动补报。</source>
        <translation>The street office gathers every community&apos;s figures on its street server (PostgreSQL). This community publishes only the items listed below; names, ID numbers, phone numbers and other personal data never leave this PC (PIPL Art. 6: minimum necessary). Offline, the app works as usual; changes wait and are sent once the server can be reached.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="80"/>
        <source>主机:端口/数据库，如 192.168.1.10:5432/street</source>
        <translation>host:port/database, e.g. 192.168.1.10:5432/street</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="86"/>
        <source>每分钟自动上报（连不上服务器时不打扰，只在状态栏显示）</source>
        <translation>Publish automatically every minute (when the server cannot be reached, only the status bar says so)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="88"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="89"/>
        <source>也可以粘贴街道给的 postgresql:// 开头的完整地址。</source>
        <translation>You may also paste the full postgresql:// address the street office gave you.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="90"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="91"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="92"/>
        <source>保存在这台电脑的系统密码库（钥匙串）里，不写进数据文件和备份。</source>
        <translation>Kept in this PC&apos;s system keyring, never in the data file or its backups.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="93"/>
        <source>街道密钥</source>
        <translation>Street key</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="94"/>
        <source>由街道统一下发，各社区填同一个：志愿者的身份证号只以用它加密后的摘要上报，街道据此合计同一人在各社区的服务时长。同样只存在系统密码库里。</source>
        <translation>Issued by the street office, the same for every community: a volunteer&apos;s ID number is published only as a keyed digest, so the street can add up one person&apos;s hours across communities. Also kept only in the system keyring.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="111"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="112"/>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="113"/>
        <source>立即上报</source>
        <translation>Publish now</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="126"/>
        <source>上报的内容（只有这些离开这台电脑）</source>
        <translation>What is published (only this leaves the PC)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="128"/>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="128"/>
        <source>上报的项目</source>
        <translation>Published items</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="144"/>
        <source>从不上报：%1。</source>
        <translation>Never published: %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="182"/>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="183"/>
        <source>已保存（留空不修改）</source>
        <translation>Saved (leave empty to keep)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="184"/>
        <source>未填写：志愿者上报时不带身份证摘要</source>
        <translation>Not set: volunteers are published without the ID digest</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="218"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="225"/>
        <source>正在连接街道服务器…</source>
        <translation>Connecting to the street server…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="238"/>
        <source>连接失败：%1</source>
        <translation>Connection failed: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="240"/>
        <source>本社区文件已在这台服务器上报过。</source>
        <translation>This community file has published to this server before.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="241"/>
        <source>本社区文件还没有在这台服务器上报过，第一次上报会发送全部内容。</source>
        <translation>This community file has not published to this server yet; the first publish sends everything.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="242"/>
        <source>连接成功：PostgreSQL %1，街道库第 %2 版。</source>
        <translation>Connected: PostgreSQL %1, street schema version %2. </translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="251"/>
        <source>请先填写服务器地址和用户名。</source>
        <translation>Please fill in the server address and the user name first.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="254"/>
        <source>正在上报，请稍候…</source>
        <translation>Publishing, please wait…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="258"/>
        <source>正在上报…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="266"/>
        <source>上报失败：%1</source>
        <translation>Publishing failed: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="269"/>
        <source>已完整上报 %1 条（第一次上报，或服务器与本文件的记录需要对齐时，发送全部内容）</source>
        <translation>Published all %1 rows (everything is sent on the first publish, or when the server and this file must be brought back in line)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="271"/>
        <source>已上报 %1 条变更</source>
        <translation>Published %1 changes</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="274"/>
        <source>，其中删除 %1 条</source>
        <translation>, %1 of them deletions</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/street_settings.py" line="275"/>
        <source>，待上报 %1 条。</source>
        <translation>; %1 waiting.</translation>
    </message>
</context>
<context>
    <name>StreetStatusLabel</name>
    <message>
        <location filename="../../volunteer_app/ui/street_publishing.py" line="225"/>
        <source>%1 条待上报</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_publishing.py" line="227"/>
        <source>正在上报…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_publishing.py" line="229"/>
        <source>街道服务器无法连接</source>
        <translation>Street server unreachable</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_publishing.py" line="229"/>
        <source>上报未成功</source>
        <translation>Publishing failed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_publishing.py" line="231"/>
        <source>尚未上报</source>
        <translation>Not published yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_publishing.py" line="233"/>
        <source>上次上报 %1</source>
        <translation>Last published %1</translation>
    </message>
</context>
<context>
    <name>StreetTables</name>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="43"/>
        <source>从未上报</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="58"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="59"/>
        <source>90岁以上</source>
        <translation>Aged 90+</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="60"/>
        <source>悬空老人</source>
        <translation>Stranded elders</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="61"/>
        <source>未覆盖</source>
        <translation>Uncovered</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="62"/>
        <source>探访逾期</source>
        <translation>Visits late</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="63"/>
        <source>本月时长</source>
        <translation>Hours this month</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="64"/>
        <source>在册志愿者</source>
        <translation>Active volunteers</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="65"/>
        <source>预警点名</source>
        <translation>Roll-call</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="67"/>
        <source>响应率</source>
        <translation>Response rate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="68"/>
        <source>解决率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="69"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="70"/>
        <source>上次上报</source>
        <translation>Last published</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="95"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="99"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="110"/>
        <source>身份证号摘要</source>
        <translation>ID number digest</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="111"/>
        <source>累计时长</source>
        <translation>Total hours</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="112"/>
        <source>计星时长</source>
        <translation>Star hours</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="113"/>
        <source>服务社区数</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_tables.py" line="114"/>
        <source>星级</source>
        <translation>Stars</translation>
    </message>
</context>
<context>
    <name>StreetWindow</name>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="89"/>
        <source>邻里帮 — 街道总览</source>
        <translation>LinLiBang — Street overview</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="93"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="98"/>
        <source>各社区</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="99"/>
        <source>志愿者跨社区时长</source>
        <translation>Volunteers across communities</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="102"/>
        <source>街道总览</source>
        <translation>Street overview</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="123"/>
        <source>点击上面的社区，查看它各队伍逐月的服务时长。</source>
        <translation>Click a community above to see its teams&apos; hours month by month.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="142"/>
        <source>同一身份证号在各社区的服务时长合并计算；街道服务器上没有姓名，只有身份证号的加密摘要。星级按已核实、计入星级的时长评定。</source>
        <translation>Hours under the same ID number add up across communities; the street server holds no names, only a keyed digest of the ID number. Star levels count verified hours that count for stars.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="188"/>
        <source>%1 个社区 · 更新于 %2</source>
        <translation>%1 communities · updated %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="225"/>
        <source>（下面是 %1 的数据，每分钟自动重试）</source>
        <translation> (the figures below are from %1; retried every minute)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="228"/>
        <source>（每分钟自动重试）</source>
        <translation> (retried every minute)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/street_window.py" line="235"/>
        <source>%1 · 各队伍近 %2 个月服务时长（小时）</source>
        <translation>%1 · teams&apos; hours over the last %2 months</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="42"/>
        <source>仅一次</source>
        <translation>Once</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="42"/>
        <source>每天</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="43"/>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="43"/>
        <source>分组轮值</source>
        <translation>Rota in groups</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="83"/>
        <source>新建任务</source>
        <translation>New task</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="94"/>
        <source>（不指定）</source>
        <translation>(any)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="99"/>
        <source>（重体力）</source>
        <translation> (heavy)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="102"/>
        <source>例如：桶前值守、周六铲冰</source>
        <translation>e.g. bin duty, Saturday ice clearing</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="104"/>
        <source>要做什么、在哪里集合、带什么（可不填）</source>
        <translation>What to do, where to meet, what to bring (optional)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="120"/>
        <source> 个组</source>
        <translation> groups</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="122"/>
        <source>每天换组</source>
        <translation>Rotate daily</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="123"/>
        <source>每周换组</source>
        <translation>Rotate weekly</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="135"/>
        <source>添加时段</source>
        <translation>Add time slot</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="149"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="156"/>
        <source>最少</source>
        <translation>at least</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="158"/>
        <source>最多</source>
        <translation>at most</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="160"/>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="163"/>
        <source>用顿号分开，没有可不填</source>
        <translation>Separate with commas; optional</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="164"/>
        <source>法定节假日不排班</source>
        <translation>No shifts on public holidays</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="167"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="168"/>
        <source>服务类型</source>
        <translation>Service types</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="169"/>
        <source>任务名称</source>
        <translation>Task name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="170"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="171"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="172"/>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="173"/>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="275"/>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="174"/>
        <source>轮值</source>
        <translation>Rota</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="175"/>
        <source>时段</source>
        <translation>Time slots</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="176"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="177"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="178"/>
        <source>所需技能</source>
        <translation>Skills needed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="186"/>
        <source>生成班次</source>
        <translation>Create shifts</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="186"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="211"/>
        <source>还没有队伍。任务属于队伍：先在“志愿者与队伍”里点“新建队伍”，再来新建任务。</source>
        <translation>No team yet. A task belongs to a team: first press “New team” in “Volunteers &amp; teams”, then come back to make the task.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="212"/>
        <source>您没有可以排班的队伍。</source>
        <translation>You have no team you can schedule.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="275"/>
        <source>只在</source>
        <translation>Only on</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="324"/>
        <source>将生成 {0} 个班次，共 {1} 天。</source>
        <translation>{0} shifts will be created over {1} days.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="327"/>
        <source>第一个：{0}</source>
        <translation>First: {0}</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="329"/>
        <source>（{0}组）</source>
        <translation> (group {0})</translation>
    </message>
</context>
<context>
    <name>TeamDialogs</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="31"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TeamNameDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="45"/>
        <source>新建队伍</source>
        <translation>New team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="45"/>
        <source>队伍改名</source>
        <translation>Rename team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="47"/>
        <source>例如 高立庄夕阳红志愿服务队</source>
        <translation>e.g. Gaolizhuang Sunset Volunteer Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="52"/>
        <source>队伍名称 *</source>
        <translation>Team name *</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="53"/>
        <source>简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/team_dialog.py" line="55"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>TeamTaskDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="204"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="204"/>
        <source>服务类别</source>
        <translation>Service type</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="205"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="205"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="206"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="206"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="217"/>
        <source>没有可以安排任务的队伍。</source>
        <translation>No team you may schedule for.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/request_dialogs.py" line="220"/>
        <source>结束时间应晚于开始时间。</source>
        <translation>The end must be after the start.</translation>
    </message>
</context>
<context>
    <name>TeamsModel</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="99"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="99"/>
        <source>队长</source>
        <translation>Captain</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="99"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="114"/>
        <source>全部志愿者</source>
        <translation>All volunteers</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="44"/>
        <source>签收</source>
        <translation>Sign for it</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="45"/>
        <source>联系诉求人</source>
        <translation>Contact the caller</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="46"/>
        <source>开始办理</source>
        <translation>Start handling</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="47"/>
        <source>反馈结果…</source>
        <translation>Report the result…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="48"/>
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="64"/>
        <source>诉求人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="64"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="65"/>
        <source>问题分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="65"/>
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="66"/>
        <source>承办</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="66"/>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="67"/>
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="67"/>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="235"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="68"/>
        <source>回访结果</source>
        <translation>Callback</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="72"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="73"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="74"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="75"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="83"/>
        <source>退回重办…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="84"/>
        <source>登记回访…</source>
        <translation>Record callback…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="85"/>
        <source>派给工作人员…</source>
        <translation>To a staff member…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="86"/>
        <source>派给队伍（建任务）…</source>
        <translation>To a team (task)…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="114"/>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="116"/>
        <source>回电时查看完整号码；查看会记入操作日志</source>
        <translation>See the full number to call back; viewing is logged</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="142"/>
        <source>请在左侧选择一件诉求</source>
        <translation>Choose a request on the left</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="184"/>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="235"/>
        <source>反馈办理结果</source>
        <translation>Report the result</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="238"/>
        <source>已反馈办理结果。</source>
        <translation>Result reported.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="241"/>
        <source>已进入“%1”。</source>
        <translation>Now “%1”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="246"/>
        <source>退回重办</source>
        <translation>Send back</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="246"/>
        <source>退回原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="249"/>
        <source>已退回重办。</source>
        <translation>Sent back.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="255"/>
        <source>已登记回访结果。</source>
        <translation>Callback recorded.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="260"/>
        <source>派给工作人员</source>
        <translation>Give to a staff member</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="263"/>
        <source>已派给工作人员。</source>
        <translation>Given to the staff member.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="276"/>
        <source>派给队伍（建任务）</source>
        <translation>Give to a team (task)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_detail.py" line="277"/>
        <source>已派给队伍，任务已建在“任务与排班”里。</source>
        <translation>Given to the team; the task is in Tasks &amp; shifts.</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="56"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="56"/>
        <source>超时或有风险</source>
        <translation>Late or at risk</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="57"/>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="57"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="60"/>
        <source>工单编号、诉求人、地址、分类或内容</source>
        <translation>Ticket no., caller, address, category or text</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="63"/>
        <source>新建诉求…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="65"/>
        <source>导入12345工单…</source>
        <translation>Import 12345 tickets…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="101"/>
        <source>这里没有诉求。清空查找框，或在左上角换一个列表看看。</source>
        <translation>No requests here. Clear the search box, or choose another list at the top left.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="102"/>
        <source>没有未办结的诉求。</source>
        <translation>No open requests. </translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="104"/>
        <source>居民来电、来访的诉求点“新建诉求…”登记。</source>
        <translation>Enter a resident’s call or visit with “New request…”. </translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="106"/>
        <source>诉求由社区工作者登记和派单。</source>
        <translation>Community staff enter and dispatch requests. </translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="108"/>
        <source>12345派来的工单点“导入12345工单…”。</source>
        <translation>Bring in 12345 hotline tickets with “Import 12345 tickets…”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="113"/>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="129"/>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="119"/>
        <source>工单编号</source>
        <translation>Ticket no.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="120"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="121"/>
        <source>来电时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="123"/>
        <source>诉求人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="124"/>
        <source>问题分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="125"/>
        <source>诉求类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="126"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="127"/>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="128"/>
        <source>承办人/队伍</source>
        <translation>Staff / team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/request_tickets.py" line="150"/>
        <source>共 %1 件</source>
        <translation>%1 tickets</translation>
    </message>
</context>
<context>
    <name>UnreachedTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="106"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="107"/>
        <source>等待（分钟）</source>
        <translation>Waiting (min)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="109"/>
        <source>次数</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="110"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="110"/>
        <source>已转上门</source>
        <translation>Door visit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="111"/>
        <source>联系人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="112"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="113"/>
        <source>家属联系</source>
        <translation>Family contact</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="114"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="116"/>
        <source>派人上门…</source>
        <translation>Send to the door…</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="26"/>
        <source>新增用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="30"/>
        <source>登录时输入，如 liuxm</source>
        <translation>typed at login, e.g. liuxm</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="39"/>
        <source>还没有任何队伍设了队长或副队长：先在“志愿者与队伍”里设队长。</source>
        <translation>No team has a captain or vice-captain yet: set one in Volunteers and teams first.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="46"/>
        <source>至少8位</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="48"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="49"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="50"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="51"/>
        <source>哪位队长</source>
        <translation>Which captain</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="53"/>
        <source>初始密码</source>
        <translation>First password</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="54"/>
        <source>再输一次密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/user_dialog.py" line="68"/>
        <source>两次输入的密码不一样，请再输一次。</source>
        <translation>The two passwords differ: please type it again.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="38"/>
        <source>登记探访</source>
        <translation>Log visit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="46"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="49"/>
        <source>做了什么</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="49"/>
        <source>身体（说话、行动、疾病）</source>
        <translation>Health (speech, mobility, illness)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="50"/>
        <source>精神状态</source>
        <translation>Mood</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="50"/>
        <source>安全（燃气、水暖、用电）</source>
        <translation>Safety (gas, water, heating, electricity)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="51"/>
        <source>卫生</source>
        <translation>Hygiene</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="51"/>
        <source>居住与邻里</source>
        <translation>Home and neighbours</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="52"/>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="58"/>
        <source>%1（包户人：%2）</source>
        <translation>%1 (responsible staff: %2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="60"/>
        <source>老人</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="59"/>
        <source>%1（帮手：%2）</source>
        <translation>%1 (helper: %2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="62"/>
        <source>探访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="63"/>
        <source>开始时间</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="64"/>
        <source>时长</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="65"/>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="69"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/visit_dialog.py" line="69"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="57"/>
        <source>新增志愿者</source>
        <translation>Add volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="57"/>
        <source>编辑志愿者</source>
        <translation>Edit volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="71"/>
        <source>可不填；填了自动带出出生日期和性别</source>
        <translation>Optional; if given, birth date and gender are filled in from it</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="77"/>
        <source>例如 1985-03-12</source>
        <translation>e.g. 1985-03-12</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="79"/>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="90"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="80"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="81"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="83"/>
        <source>11位手机号，或固定电话</source>
        <translation>11-digit mobile number, or a landline</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="111"/>
        <source>其他技能，用顿号或逗号分开</source>
        <translation>Other skills, separated by commas</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="118"/>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="120"/>
        <source>不宜重体力劳动</source>
        <translation>No heavy labour</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="121"/>
        <source>是社区工作者（工作时间内的服务不计入星级）</source>
        <translation>Community staff (service in working hours earns no stars)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="126"/>
        <source> 位老人</source>
        <translation> residents</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="135"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="136"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="137"/>
        <source>出生日期 *</source>
        <translation>Birth date *</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="138"/>
        <source>性别 *</source>
        <translation>Gender *</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="139"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="87"/>
        <source>住址楼号</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="141"/>
        <source>所属社区 *</source>
        <translation>Community *</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="143"/>
        <source>技能</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="144"/>
        <source>可服务时间</source>
        <translation>Available times</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="145"/>
        <source>每周时长上限</source>
        <translation>Weekly hours cap</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="146"/>
        <source>可结对人数</source>
        <translation>Pair capacity</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="147"/>
        <source>身体情况</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="148"/>
        <source>身份</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="149"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="150"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="156"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="156"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="233"/>
        <source>志愿者信息</source>
        <translation>Volunteer details</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="174"/>
        <source>小区/院落（可不填）</source>
        <translation>Estate/courtyard (optional)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="241"/>
        <source>您的角色只能查看志愿者信息，不能修改。</source>
        <translation>Your role may view this volunteer but not change them.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="252"/>
        <source>星级：{0} {1}（累计已核实服务 {2} 小时</source>
        <translation>Stars: {0} {1} ({2} verified hours in all</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="255"/>
        <source>，距下一星级还需 {0} 小时</source>
        <translation>, {0} hours to the next star</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="256"/>
        <source>）</source>
        <translation>)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/volunteer_dialog.py" line="283"/>
        <source>请填写带 * 的项目后保存。</source>
        <translation>Fill in the fields marked * before saving.</translation>
    </message>
</context>
<context>
    <name>VolunteersModel</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="62"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="63"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="64"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="65"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="66"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="67"/>
        <source>所属队伍（角色）</source>
        <translation>Teams (role)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="68"/>
        <source>技能</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="69"/>
        <source>可服务时间</source>
        <translation>Available times</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="71"/>
        <source>社区工作者</source>
        <translation>Community staff</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="72"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="175"/>
        <source>志愿者与队伍</source>
        <translation>Volunteers &amp; teams</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="185"/>
        <source>新建队伍</source>
        <translation>New team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="186"/>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="194"/>
        <source>队伍</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="201"/>
        <source>查找：姓名、拼音首字母（如 zjg）或电话尾号</source>
        <translation>Find: name, pinyin initials (e.g. zjg) or a phone&apos;s last digits</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="203"/>
        <source>只看80后</source>
        <translation>1980s-born only</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="220"/>
        <source>新增志愿者</source>
        <translation>Add volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="222"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="223"/>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="453"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="224"/>
        <source>加入队伍</source>
        <translation>Add to team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="225"/>
        <source>设为队长</source>
        <translation>Make captain</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="226"/>
        <source>移出队伍</source>
        <translation>Remove from team</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="281"/>
        <source>没有符合条件的志愿者。清空查找框或取消勾选试试。</source>
        <translation>No volunteers match. Clear the search box or untick the box.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="283"/>
        <source>这支队伍还没有队员。在左边选“全部志愿者”，选中一位，再点“加入队伍”。</source>
        <translation>This team has no members yet. Choose “All volunteers” on the left, select someone, then press “Add to team”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="285"/>
        <source>还没有志愿者。志愿者由社区工作者登记。</source>
        <translation>No volunteers yet. Community staff register volunteers.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="286"/>
        <source>还没有志愿者。点“新增志愿者”逐个登记，或点“导入…”把现有的 Excel 台账导进来；队伍在左边点“新建队伍”建立。</source>
        <translation>No volunteers yet. Register them one by one with “Add volunteer”, or bring in your Excel ledger with “Import…”; set up teams with “New team” on the left.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="376"/>
        <source>先在左边选一支队伍，才能设队长或移出队伍。</source>
        <translation>Choose a team on the left first to make a captain or remove a member.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="378"/>
        <source>队长只能管理自己带领的队伍。</source>
        <translation>A captain can manage only the teams they lead.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="386"/>
        <source>还没有队伍：先在左边点“新建队伍”。</source>
        <translation>No team yet: first press “New team” on the left.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="387"/>
        <source>您还没有可以管理的队伍。</source>
        <translation>You have no team to manage yet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="395"/>
        <source>共 %n 人</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="419"/>
        <source>已保存队伍“%1”。</source>
        <translation>Saved team &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="442"/>
        <source>已保存志愿者“%1”。</source>
        <translation>Saved volunteer &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="448"/>
        <source>归档志愿者</source>
        <translation>Archive volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="449"/>
        <source>确定归档志愿者“%1”吗？
归档后不再出现在名单和排班中，服务记录和证明都保留。</source>
        <translation>Archive volunteer &quot;%1&quot;?
Archived volunteers leave the lists and rosters; their service records and certificates are kept.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="454"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="463"/>
        <source>已归档志愿者“%1”。</source>
        <translation>Archived volunteer &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="472"/>
        <source>%1 已加入 %2。</source>
        <translation>%1 has joined %2.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="481"/>
        <source>%1 现在是 %2 的队长。</source>
        <translation>%1 is now the captain of %2.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/volunteers.py" line="489"/>
        <source>%1 已移出 %2（服务记录保留）。</source>
        <translation>%1 has been removed from %2 (service records are kept).</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="58"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="58"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="59"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="59"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="60"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="60"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="61"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="63"/>
        <source>缺人</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="63"/>
        <source>已够</source>
        <translation>Enough</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="64"/>
        <source>已满</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="64"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="90"/>
        <source>%1：已排%2人，需要%3人</source>
        <translation>%1: %2 on it, %3 needed</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="108"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="112"/>
        <source>%1月%2日 %3 %4–%5</source>
        <translation>%3 %1/%2 %4–%5</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="117"/>
        <source>地点：%1</source>
        <translation>Place: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="265"/>
        <source>%1组轮值</source>
        <translation>rota group %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="276"/>
        <source>轮值：%1组</source>
        <translation>Rota: group %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="279"/>
        <source>人员：%1</source>
        <translation>People: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="280"/>
        <source>尚未安排</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="297"/>
        <source>周视图</source>
        <translation>Week view</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="376"/>
        <source>另有%n个</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="465"/>
        <source>（今天）</source>
        <translation> (today)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="242"/>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="537"/>
        <source> · %1组</source>
        <translation> · group %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="555"/>
        <source>点击查看</source>
        <translation>click to see</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="588"/>
        <source>%1 %2月%3日 %4–%5 另有%6个班次</source>
        <translation>%1 %2/%3 %4–%5: %6 more shifts</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="659"/>
        <source>点击列出这些班次，可以选中或打开</source>
        <translation>Click to list these shifts, then select or open one</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_app/ui/widgets/week_view.py" line="664"/>
        <source>本周共 %n 个班次</source>
        <translation>
            <numerusform>%n shift this week</numerusform>
            <numerusform>%n shifts this week</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <location filename="../../volunteer_app/ui/window_lock.py" line="32"/>
        <source>已经有一个邻里帮窗口在使用数据库 %1。
请切换到那个窗口。</source>
        <translation>Another LinLiBang window is using the database %1.
Please switch to that window.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/window_lock.py" line="36"/>
        <source>数据库所在的文件夹 %1 是只读的（或没有写入权限），邻里帮无法在这里保存数据。
请把数据库文件复制到可以写入的文件夹再打开，或请电脑管理员开放权限。</source>
        <translation>The folder %1 that holds the database is read-only (or you may not write to it), so LinLiBang cannot save data there.
Copy the database file to a folder you can write to and open it there, or ask the PC&apos;s administrator for permission.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/window_lock.py" line="40"/>
        <source>无法在数据库所在的文件夹 %1 里建立锁文件（磁盘可能已满，或者这不是一个文件夹）。
请检查磁盘空间和路径后重试。</source>
        <translation>Cannot create the lock file in the database&apos;s folder %1 (the disk may be full, or this is not a folder).
Check the disk space and the path, then try again.</translation>
    </message>
</context>
<context>
    <name>_AlertPrintDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/alert_print_dialogs.py" line="91"/>
        <source>已取消，没有生成文件。</source>
        <translation>Cancelled; no file was made.</translation>
    </message>
</context>
<context>
    <name>_ListTab</name>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="71"/>
        <source>共 %1 人</source>
        <translation>%1 in all</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/pages/alert_lists.py" line="73"/>
        <source>，列出等待最久的 %1 人</source>
        <translation>, the %1 waiting longest listed</translation>
    </message>
</context>
<context>
    <name>_PrintDialog</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="177"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="178"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="179"/>
        <source>保存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="181"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="207"/>
        <source>已取消，没有生成文件，也没有开具或登记证明。</source>
        <translation>Cancelled: no file was written and no certificate was issued or registered.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="242"/>
        <source>无法写入 {0}：{1}。请换一个文件夹。</source>
        <translation>Cannot write {0}: {1}. Please choose another folder.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="255"/>
        <source>正在准备预览……</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="278"/>
        <source>正在准备打印……</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="281"/>
        <source>正在发送到打印机……</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="294"/>
        <source>打印已取消。</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="297"/>
        <source>打印失败：{0}。请检查打印机。</source>
        <translation>Printing failed: {0}. Please check the printer.</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="311"/>
        <source>保存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="312"/>
        <source>PDF文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="316"/>
        <source>正在生成PDF……</source>
        <translation>Creating the PDF…</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/print_dialogs.py" line="320"/>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>_ScopeChoice</name>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="354"/>
        <source>仅此班次</source>
        <translation>This shift only</translation>
    </message>
    <message>
        <location filename="../../volunteer_app/ui/dialogs/task_dialog.py" line="355"/>
        <source>此班次及以后同一时段的班次</source>
        <translation>This and later shifts in the same slot</translation>
    </message>
</context>
</TS>
