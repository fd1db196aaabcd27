"""Every Chinese word the user sees, in one place, with the English glossary.

Screens and rules take their labels and messages from here, so a word is changed once.
Names of the constants are the English terms used everywhere in the code.
"""

# Glossary (Chinese term -> English name used in code):
# 公积金中心 centre · 灵活就业 flexible · 单位缴存 employer · 个人账号 account_no
# 账户状态 status · 正常 normal · 封存 sealed · 销户 closed · 月缴存额 monthly_amount
# 缴至年月 paid_through · 账户余额 balance · 承办网点 branch · 汇缴 remit
# 补缴 back_pay · 启封 unseal · 信息变更 change_phone · 月缴存额调整 adjust_amount
# 退出缴存提取 withdraw · 预约 appointment · 开户 open_account · 转入 transfer_in
# 办结 complete · 柜台 counter · 结息 interest · 缴存明细 ledger · 验证码 sms code

APP_NAME = "手机公积金"
CITY_SERVED = "太原市"
PROVINCE_CITIES = (
    "太原市", "大同市", "阳泉市", "长治市", "晋城市", "朔州市",
    "晋中市", "运城市", "忻州市", "临汾市", "吕梁市",
)  # fmt: skip

# Chrome
BACK = "‹ 返回"
TAB_HOME = "首页"
TAB_BUSINESS = "业务办理"
TAB_ME = "个人中心"
TABS = (TAB_HOME, TAB_BUSINESS, TAB_ME)
DONE = "完成"
CONFIRM = "确认"
CANCEL = "取消"
OK = "确定"
NEXT = "下一步"
TOO_SMALL = "终端窗口太小，请调整到至少 80×30"

# Onboarding
AGREEMENT_TITLE = "用户协议与隐私政策"
AGREE = "同意"
DISAGREE = "不同意"
MUST_AGREE = "需同意用户协议与隐私政策后才能使用"
TRY_NOW = "立即体验"
LOCATION_QUESTION = "开启定位服务，为您提供所在城市的公积金服务"
ALLOW_WHILE_USING = "仅使用期间允许"
ALLOW_ONCE = "仅本次允许"
DENY = "禁止"
CHOOSE_CITY = "选择城市"
LOCATED = "当前定位：太原市"
CITY_NOT_SERVED = "该城市暂未开通"
NOT_LOGGED_IN = "未登录"
LOGIN_NOW = "立即登录"
PLEASE_LOGIN = "请先登录"
CAMERA_DENIED = "需要相机权限才能进行人脸识别"

# Login
LOGIN_TITLE = "登录"
ALIPAY_LOGIN = "支付宝授权登录"
FACE_LOGIN = "刷脸实名登录"
REGISTER = "注册"
OPEN_ACCOUNT = "灵活就业人员开户申请"
ALIPAY_TITLE = "支付宝授权"
ALIPAY_REQUEST = "手机公积金 申请获取你的支付宝实名信息"
FACE_PROMPT = "请将人脸对准识别框"
SIMULATED_FACE = "模拟人脸"
FACE_FAILS = "（识别失败）"
START_RECOGNITION = "开始识别"
FACE_FAILED = "人脸识别失败，请重试"
LOGIN_OK = "登录成功"
NO_ACCOUNT = "未查询到您的住房公积金账户"
ID_INVALID = "证件号码格式不正确"
NAME_MISMATCH = "姓名与身份证号不一致"
FACE_MISMATCH = "人脸与身份信息不一致"
PASSWORD = "密码"
LOGIN = "登录"
WRONG_PASSWORD = "密码错误，还可尝试{left}次"
LOCKED = "密码错误次数过多，账户已锁定"
LOGOUT = "退出登录"
FACE_TITLE = "人脸识别"
CAMERA_QUESTION = "允许“手机公积金”使用您的相机？"

# Field labels
NAME = "姓名"
ID_NUMBER = "身份证号"
DOC_NUMBER = "证件号码"
DOC_TYPE = "证件类型"
BIRTH_DATE = "出生日期"
PHONE = "手机号码"
CONFIRM_PASSWORD = "确认密码"
SMS_CODE = "验证码"
SEND_CODE = "发送验证码"
GET_CODE = "获取验证码"
DOC_TYPES = (
    "居民身份证",
    "港澳居民来往内地通行证",
    "台湾居民来往大陆通行证",
    "外国人永久居留身份证",
)
RESIDENT_ID = DOC_TYPES[0]

# Registration
TERMS_CHECKBOX = "我已阅读并同意遵守《网上服务条款》"
VIEW_TERMS = "查看条款"
TERMS_TITLE = "网上服务条款"
STRENGTH = ("弱", "中", "强")
FILL_ALL = "请填写完整信息"
PHONE_INVALID = "手机号码格式不正确"
OPEN_FIRST = "未查询到您的住房公积金账户，请先开户"
PHONE_NOT_ON_FILE = "手机号码与预留手机号不一致"
ALREADY_REGISTERED = "该证件号码已注册，请直接登录"
PASSWORD_RULE = "密码须为8-16位字母和数字组合"
PASSWORDS_DIFFER = "两次输入的密码不一致"
CODE_WRONG = "验证码错误"
CODE_EXPIRED = "验证码已过期"
MUST_TICK_TERMS = "请阅读并同意网上服务条款"
REGISTERED = "注册成功"
RESEND_COUNTDOWN = "重新发送({seconds}s)"
STRENGTH_LABEL = "密码强度"
SMS_TEXT = "【太原公积金中心】您的验证码为{code}，5分钟内有效，请勿泄露。"

# Applying to open an account
SCAN_ID = "扫描二代身份证信息"
NAME_INVALID = "请输入正确的姓名"
AGE_NOT_ALLOWED = "年龄不符合灵活就业人员开户条件"
ALREADY_HAS_ACCOUNT = "您已在我中心设立住房公积金账户"
HAS_PENDING = "您已有待办理的预约"
SHOOT_FRONT = "拍摄人像面"
SHOOT_BACK = "拍摄国徽面"
UPLOADED = "已上传"
UPLOAD_BOTH = "请上传证件正反面照片"
APPLIED = "申报成功"
APPLIED_NOTE = "请根据预约信息及时到承办网点办理"
SCANNER_HINT = "请将身份证人像面放入取景框"
OPEN_STEPS = ("第1步 填写身份信息", "第2步 上传证件照片", "第3步 预约办理")

# Appointments
BRANCH = "承办网点"
DATE = "预约日期"
TIME = "预约时间"
BRANCHES = (
    "小店分理处", "迎泽分理处", "杏花岭分理处", "尖草坪分理处", "万柏林分理处",
    "晋源分理处", "古交管理部", "清徐管理部", "阳曲管理部", "娄烦管理部",
)  # fmt: skip
SLOTS = (
    "09:00-10:00", "10:00-11:00", "11:00-12:00",
    "14:00-15:00", "15:00-16:00", "16:00-17:00",
)  # fmt: skip
SLOT_FULL = "（已约满）"
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
BRANCH_NOTE = "预约的承办网点将是您办理公积金业务的网点，请就近选择"
PENDING = "待办理"
FINISHED = "已办结"
KIND_OPEN = "开户"
KIND_TRANSFER = "转入"

# Business
TRANSFER_IN = "转入灵活就业预约"
FLEXIBLE_BUSINESS = "灵活就业人员业务办理"
SUBMIT_QUESTION = "是否确定提交预约？"
BOOKED = "预约成功"
ALREADY_FLEXIBLE = "您已是灵活就业缴存人，无需转入"
NOT_SEALED_TRANSFER = "账户未封存，不能办理转入"
NOT_FLEXIBLE = "您不是灵活就业缴存人"
ACCOUNT_CLOSED = "账户已销户"
REMIT = "汇缴"
BACK_PAY = "补缴"
SEAL = "封存"
UNSEAL = "启封"
CHANGE_PHONE = "信息变更"
ADJUST = "月缴存额调整"
WITHDRAW = "退出缴存提取"
OPERATIONS = (REMIT, BACK_PAY, SEAL, UNSEAL, CHANGE_PHONE, ADJUST, WITHDRAW)

REMIT_PAY = "汇缴支付"
REMIT_CONFIRM_TITLE = "汇缴支付信息确认"
BACK_PAY_UNTIL = "补缴结束年月"
BACK_PAY_PAY = "补缴支付"
BACK_PAY_CONFIRM_TITLE = "补缴支付信息确认"
CONFIRM_PAY = "确认支付"
TRADE_OK = "交易成功"
FINISH_HANDLING = "完成办理"
HANDLED_OK = "办理成功"
HANDLING_DONE = "办理完成"
MODIFY = "修改"
NEW_PHONE = "新手机号"
PHONE_CHANGED = "手机号码变更成功"
NEW_AMOUNT = "调整后月缴存额"
AMOUNT_ADJUSTED = "月缴存额调整成功"
WITHDRAW_AMOUNT = "提取金额"
PAYEE_CARD = "收款银行卡"

OUTSIDE_REMIT_HOURS = "不在办理时间内，汇缴时间为每月1-25日8:00-17:00"
OUTSIDE_BACK_PAY_HOURS = "不在办理时间内，补缴时间为每月1-25日8:00-17:00"
SEALED_UNSEAL_FIRST = "账户已封存，请先办理启封"
ALREADY_REMITTED = "本月已汇缴"
UNPAID_MONTHS = "存在未缴月份，请先办理补缴"
NOTHING_TO_BACK_PAY = "无需补缴"
ALREADY_SEALED = "账户已是封存状态"
NOT_SEALED_UNSEAL = "账户为正常状态，无需启封"
SAME_PHONE = "新手机号与原手机号相同"
JULY_ONLY = "月缴存额调整时间为每年7月"
ONCE_A_YEAR = "本年度已调整过月缴存额，每年只允许调整一次"
AMOUNT_RANGE = "月缴存额须在{low}至{high}元之间"
NOT_SEALED_WITHDRAW = "账户未封存，不能办理退出缴存提取"
HAS_LOAN = "存在未结清的住房公积金贷款，不能办理退出缴存提取"

# Verify lines and 个人中心
ACCOUNT_NO = "个人账号"
STATUS = "账户状态"
MONTHLY_AMOUNT = "月缴存额"
PAID_THROUGH = "缴至年月"
BALANCE = "账户余额"
AMOUNT = "金额"
MONTH = "年月"
MONTHS = "补缴月份"
BANK_CARD = "银行卡"
LEDGER = "缴存明细"
INTEREST = "结息"
NORMAL = "正常"
SEALED = "封存"
CLOSED = "销户"
FLEXIBLE = "灵活就业"
EMPLOYER = "单位缴存"


OPENING_BALANCE = "期初"

# Templates the domain fills from the city profile (the defaults give the texts above)
OUTSIDE_HOURS = "不在办理时间内，{operation}时间为每月{first}-{last}日{opens}-{closes}"
ADJUST_MONTH_ONLY = "月缴存额调整时间为每年{month}月"

# Messages where PRODUCT.md is silent (the real app's wording, kept short)
RESEND_WAIT = "请{seconds}秒后再获取验证码"
CHOOSE_APPOINTMENT = "请选择承办网点、预约日期和预约时间"
SLOT_TAKEN = "该时段已约满，请选择其他时间"
NOT_PENDING = "该预约已办结"

# Trainer console (beside the phone, never on it); after the labels it reuses
CONSOLE_TITLE = "培训控制台"
CLOCK = "模拟时钟"
SET_CLOCK = "设置时间"
PLUS_DAY = "+1天"
PLUS_MONTH = "+1月"
CLOCK_FORMAT_HINT = "时间格式应为 YYYY-MM-DD HH:MM"
CLOCK_MOVED = "模拟时间：{moment}"
COUNTER = "柜台"
COMPLETE = "办结"
INBOX = "短信收件箱"
SMS_USED = "（已使用）"
CURRENT_USER = "当前用户"
AUDIT = "操作日志"
NOTHING_PENDING = "暂无待办理的预约"
NO_SMS = "暂无短信"
NO_EVENTS = "暂无记录"
COMPLETED = "已办结：{kind} {name}"
COMPLETED_ALL = "已办结{count}个预约"
FACTORY_RESET = "恢复首次安装状态"
RESET_DEMO = "重置演示数据"
FACTORY_RESET_NOTE = "引导页、权限和登录状态将恢复为首次安装，人员和账户数据保留。"
RESET_DEMO_NOTE = "全部人员、账户和预约将恢复为演示数据。"
CONFIRM_QUESTION = "确定{action}？"
CLOSE = "关闭"
YES = "是"
NO = "否"
ONBOARDING = "首次安装引导"
CITY = "城市"
CAMERA = "相机权限"
NOT_ASKED = "未询问"
ONBOARDING_STEPS = {
    "agreement": AGREEMENT_TITLE,
    "intro": "引导页",
    "location": "定位授权",
    "city": CHOOSE_CITY,
    "done": "已完成",
}
FIELD_LABELS = {
    "name": NAME,
    "doc_type": DOC_TYPE,
    "id_number": DOC_NUMBER,
    "phone": PHONE,
    "password": "登录密码",
    "failed_logins": "密码错误次数",
    "locked_on": "锁定日期",
    "failed_on": "错误计数日期",
    "account_no": ACCOUNT_NO,
    "kind": "账户类型",
    "status": STATUS,
    "monthly_amount": MONTHLY_AMOUNT,
    "paid_through": PAID_THROUGH,
    "balance": BALANCE,
    "branch": BRANCH,
    "card_tail": BANK_CARD,
    "has_loan": "未结清贷款",
    "adjusted_year": "调整月缴存额年度",
    "opened_at": "开户时间",
    "interest_year": "已结息年度",
}
"""The console's labels for every field of a person or account record."""

# Audit log actions (trainer console)
AUDIT_REGISTERED = "注册"
AUDIT_LOCKED = "登录锁定"
AUDIT_BOOKED = "预约"
AUDIT_OPENED = "开户办结"
AUDIT_TRANSFERRED = "转入办结"
AUDIT_CLOCK = "设置时间"
AUDIT_DEMO = RESET_DEMO


def line(label: str, value: str) -> str:
    """One `标签：值` line, as the app shows information to verify."""
    return f"{label}：{value}"


def card_tail(digits: str) -> str:
    return f"尾号{digits}"


# Business pages and 个人中心 (screens)
AMOUNT_RANGE_LINE = "可调整范围：{low}-{high}元"
AMOUNT_PLACEHOLDER = "请输入整数金额"
PHONE_PLACEHOLDER = "请输入新手机号"
CODE_PLACEHOLDER = "请输入验证码"
NO_ACCOUNT_YET = "暂无住房公积金账户"
NO_LEDGER = "暂无缴存明细"
BALANCE_TREND = "余额走势"
