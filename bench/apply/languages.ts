/**
 * The five files the apply corpus is built on (TypeScript, Python, Go, Rust, Java), each with the
 * parts Apply meets in real files: imports, functions that call each other, and two types with a
 * method of the same name. Each also lists the edits the corpus's answers make. Every `from` text
 * occurs once in its file (corpus.ts checks), except `ambiguous.from`, which occurs more than once.
 */

/** A symbol as VS Code's outline gives it: its name and source text (found in the parent's text), with its children. */
export interface Part {
  name: string;
  text: string;
  children?: Part[];
}

export interface Change {
  from: string;
  to: string;
}

export interface LanguageSpec {
  language: string;
  file: string;
  header: string;
  parts: Part[];
  /** A one-line change inside the first function, and one inside the second. */
  edit: Change;
  edit2: Change;
  /** The third function's new version with another signature (whole function as the snippet). */
  newSignature: Change;
  /** A new function calling every existing one (issue 26's first example), and a small helper. */
  summary: string;
  helper: string;
  /** Where a good merge puts a new function: after the last one (default) or inside the file's class. */
  addFunction?: (text: string, code: string) => string;
  usage: string;
  /** A version of the third function written with a placeholder, and the change it stands for. */
  placeholder: { snippet: string } & Change;
  /** A new method for the first type, written between placeholders for its other members. */
  typePlaceholder: { snippet: string } & Change;
  /** The second type's same-named method, changed (the snippet is that method alone). */
  duplicate: { snippet: string } & Change;
  /** A text found more than once, which an edit block may not search for. */
  ambiguous: Change;
  second: { file: string; text: string } & Change;
  newFile: { file: string; text: string };
}

const TS_VALIDATE = 'export function validate(orders: Order[]): Order[] {\n  return orders.filter((order) => order.total > 0);\n}';
const TS_GROUP = 'export function groupByCustomer(orders: Order[]): Map<string, Order[]> {\n  const groups = new Map<string, Order[]>();\n  for (const order of orders) groups.set(order.customer, [...(groups.get(order.customer) ?? []), order]);\n  return groups;\n}';
const TS_PROCESS = 'export function processOrders(orders: Order[]): Order[] {\n  const valid = validate(orders);\n  const groups = groupByCustomer(valid);\n  notify(groups);\n  return valid;\n}';
const TS_CART_DESCRIBE = 'describe(): string {\n    return `cart of ${this.items.length}`;\n  }';
const TS_CART = `export class Cart {\n  constructor(readonly items: Order[]) {}\n\n  ${TS_CART_DESCRIBE}\n}`;
const TS_INVOICE_DESCRIBE = 'describe(): string {\n    return `invoice ${this.id}`;\n  }';
const TS_INVOICE = `export class Invoice {\n  constructor(readonly id: string) {}\n\n  ${TS_INVOICE_DESCRIBE}\n}`;

const PY_VALIDATE = 'def validate(orders):\n    return [order for order in orders if order.total > 0]';
const PY_GROUP = 'def group_by_customer(orders):\n    groups = defaultdict(list)\n    for order in orders:\n        groups[order.customer].append(order)\n    return groups';
const PY_PROCESS = 'def process_orders(orders):\n    valid = validate(orders)\n    groups = group_by_customer(valid)\n    notify(groups)\n    return valid';
const PY_CART_DESCRIBE = 'def describe(self):\n        return f"cart of {len(self.items)}"';
const PY_CART = `class Cart:\n    def __init__(self, items):\n        self.items = items\n\n    ${PY_CART_DESCRIBE}`;
const PY_INVOICE_DESCRIBE = 'def describe(self):\n        return f"invoice {self.id}"';
const PY_INVOICE = `class Invoice:\n    def __init__(self, id):\n        self.id = id\n\n    ${PY_INVOICE_DESCRIBE}`;

const GO_VALIDATE = 'func Validate(orders []Order) []Order {\n\tvar valid []Order\n\tfor _, order := range orders {\n\t\tif order.Total > 0 {\n\t\t\tvalid = append(valid, order)\n\t\t}\n\t}\n\treturn valid\n}';
const GO_GROUP = 'func GroupByCustomer(orders []Order) map[string][]Order {\n\tgroups := map[string][]Order{}\n\tfor _, order := range orders {\n\t\tgroups[order.Customer] = append(groups[order.Customer], order)\n\t}\n\treturn groups\n}';
const GO_PROCESS = 'func ProcessOrders(orders []Order) []Order {\n\tvalid := Validate(orders)\n\tgroups := GroupByCustomer(valid)\n\tnotify.Send(groups)\n\treturn valid\n}';
const GO_CART = 'func (c Cart) Describe() string {\n\treturn fmt.Sprintf("cart of %d", len(c.Items))\n}';
const GO_INVOICE = 'func (i Invoice) Describe() string {\n\treturn fmt.Sprintf("invoice %s", i.ID)\n}';

const RS_VALIDATE = 'pub fn validate(orders: Vec<Order>) -> Vec<Order> {\n    orders.into_iter().filter(|order| order.total > 0).collect()\n}';
const RS_GROUP = 'pub fn group_by_customer(orders: &[Order]) -> HashMap<String, Vec<Order>> {\n    let mut groups: HashMap<String, Vec<Order>> = HashMap::new();\n    for order in orders {\n        groups.entry(order.customer.clone()).or_default().push(order.clone());\n    }\n    groups\n}';
const RS_PROCESS = 'pub fn process_orders(orders: Vec<Order>) -> Vec<Order> {\n    let valid = validate(orders);\n    let groups = group_by_customer(&valid);\n    notify(&groups);\n    valid\n}';
const RS_CART_DESCRIBE = 'fn describe(&self) -> String {\n        format!("cart of {}", self.items.len())\n    }';
const RS_CART = `impl Describe for Cart {\n    ${RS_CART_DESCRIBE}\n}`;
const RS_INVOICE_DESCRIBE = 'fn describe(&self) -> String {\n        format!("invoice {}", self.id)\n    }';
const RS_INVOICE = `impl Describe for Invoice {\n    ${RS_INVOICE_DESCRIBE}\n}`;

const JAVA_VALIDATE = 'static List<Order> validate(List<Order> orders) {\n        return orders.stream().filter(order -> order.total() > 0).toList();\n    }';
const JAVA_GROUP = 'static Map<String, List<Order>> groupByCustomer(List<Order> orders) {\n        return orders.stream().collect(Collectors.groupingBy(Order::customer));\n    }';
const JAVA_PROCESS = 'static List<Order> processOrders(List<Order> orders) {\n        List<Order> valid = validate(orders);\n        Map<String, List<Order>> groups = groupByCustomer(valid);\n        Notifier.send(groups);\n        return valid;\n    }';
const JAVA_CART_DESCRIBE = 'String describe() {\n            return "cart of " + items.size();\n        }';
const JAVA_CART = `record Cart(List<Order> items) {\n        ${JAVA_CART_DESCRIBE}\n    }`;
const JAVA_INVOICE_DESCRIBE = 'String describe() {\n            return "invoice " + id;\n        }';
const JAVA_INVOICE = `record Invoice(String id) {\n        ${JAVA_INVOICE_DESCRIBE}\n    }`;
const JAVA_CLASS = `public final class Orders {\n    ${JAVA_VALIDATE}\n\n    ${JAVA_GROUP}\n\n    ${JAVA_PROCESS}\n\n    ${JAVA_CART}\n\n    ${JAVA_INVOICE}\n}`;

export const LANGUAGES: LanguageSpec[] = [
  {
    language: 'typescript',
    file: 'src/orders.ts',
    header: "import { notify } from './notify';\nimport { type Order } from './order';",
    parts: [
      { name: 'validate', text: TS_VALIDATE },
      { name: 'groupByCustomer', text: TS_GROUP },
      { name: 'processOrders', text: TS_PROCESS },
      { name: 'Cart', text: TS_CART, children: [{ name: 'describe', text: TS_CART_DESCRIBE }] },
      { name: 'Invoice', text: TS_INVOICE, children: [{ name: 'describe', text: TS_INVOICE_DESCRIBE }] },
    ],
    edit: { from: 'order.total > 0', to: 'order.total > 0 && !order.cancelled' },
    edit2: { from: '  return groups;\n}', to: '  console.debug(`grouped ${groups.size}`);\n  return groups;\n}' },
    newSignature: { from: 'processOrders(orders: Order[]): Order[] {\n  const valid = validate(orders);', to: 'processOrders(orders: Order[], quiet = false): Order[] {\n  const valid = validate(orders);\n  if (quiet) return valid;' },
    summary: 'export function summary(orders: Order[]): string {\n  const valid = validate(orders);\n  const groups = groupByCustomer(valid);\n  processOrders(orders);\n  return `${new Cart(valid).describe()}, ${groups.size} customers, ${new Invoice(\'all\').describe()}`;\n}',
    helper: 'export function totalOf(orders: Order[]): number {\n  return orders.reduce((sum, order) => sum + order.total, 0);\n}',
    usage: "const valid = processOrders(await loadOrders('today'));\nconsole.log(valid.length);",
    placeholder: {
      snippet: 'export function processOrders(orders: Order[]): Order[] { // ... existing code ...\n  console.log(valid);\n  return valid;\n}',
      from: '  notify(groups);\n  return valid;',
      to: '  notify(groups);\n  console.log(valid);\n  return valid;',
    },
    typePlaceholder: {
      snippet: 'export class Cart {\n  // ... existing code ...\n\n  isEmpty(): boolean {\n    return this.items.length === 0;\n  }\n}',
      from: 'cart of ${this.items.length}`;\n  }\n}',
      to: 'cart of ${this.items.length}`;\n  }\n\n  isEmpty(): boolean {\n    return this.items.length === 0;\n  }\n}',
    },
    duplicate: { snippet: 'describe(): string {\n  return `invoice #${this.id}`;\n}', from: 'return `invoice ${this.id}`;', to: 'return `invoice #${this.id}`;' },
    ambiguous: { from: '  describe(): string {', to: '  public describe(): string {' },
    second: { file: 'src/notify.ts', text: "export function notify(groups: Map<string, unknown[]>): void {\n  for (const customer of groups.keys()) console.log(`notify ${customer}`);\n}\n", from: 'console.log(`notify ${customer}`)', to: 'console.info(`notify ${customer}`)' },
    newFile: { file: 'src/orders.test.ts', text: "import { validate } from './orders';\n\ntest('drops empty orders', () => expect(validate([])).toEqual([]));\n" },
  },
  {
    language: 'python',
    file: 'orders.py',
    header: 'from collections import defaultdict\n\nfrom notify import notify',
    parts: [
      { name: 'validate', text: PY_VALIDATE },
      { name: 'group_by_customer', text: PY_GROUP },
      { name: 'process_orders', text: PY_PROCESS },
      { name: 'Cart', text: PY_CART, children: [{ name: '__init__', text: 'def __init__(self, items):\n        self.items = items' }, { name: 'describe', text: PY_CART_DESCRIBE }] },
      { name: 'Invoice', text: PY_INVOICE, children: [{ name: '__init__', text: 'def __init__(self, id):\n        self.id = id' }, { name: 'describe', text: PY_INVOICE_DESCRIBE }] },
    ],
    edit: { from: 'if order.total > 0]', to: 'if order.total > 0 and not order.cancelled]' },
    edit2: { from: '        groups[order.customer].append(order)\n    return groups', to: '        groups[order.customer].append(order)\n    log.debug("grouped %d", len(groups))\n    return groups' },
    newSignature: { from: 'def process_orders(orders):\n    valid = validate(orders)', to: 'def process_orders(orders, quiet=False):\n    valid = validate(orders)\n    if quiet:\n        return valid' },
    summary: 'def summary(orders):\n    valid = validate(orders)\n    groups = group_by_customer(valid)\n    process_orders(orders)\n    return f"{Cart(valid).describe()}, {len(groups)} customers, {Invoice(\'all\').describe()}"',
    helper: 'def total_of(orders):\n    return sum(order.total for order in orders)',
    usage: 'valid = process_orders(load_orders("today"))\nprint(len(valid))',
    placeholder: {
      snippet: 'def process_orders(orders):\n    # ... existing code ...\n    print(valid)\n    return valid',
      from: '    notify(groups)\n    return valid',
      to: '    notify(groups)\n    print(valid)\n    return valid',
    },
    typePlaceholder: {
      snippet: 'class Cart:\n    # ... rest of the class unchanged ...\n\n    def is_empty(self):\n        return not self.items',
      from: 'return f"cart of {len(self.items)}"',
      to: 'return f"cart of {len(self.items)}"\n\n    def is_empty(self):\n        return not self.items',
    },
    duplicate: { snippet: 'def describe(self):\n    return f"invoice #{self.id}"', from: 'return f"invoice {self.id}"', to: 'return f"invoice #{self.id}"' },
    ambiguous: { from: '    def describe(self):', to: '    def describe(self) -> str:' },
    second: { file: 'notify.py', text: 'def notify(groups):\n    for customer in groups:\n        print(f"notify {customer}")\n', from: 'print(f"notify {customer}")', to: 'log.info("notify %s", customer)' },
    newFile: { file: 'test_orders.py', text: 'from orders import validate\n\n\ndef test_drops_empty_orders():\n    assert validate([]) == []\n' },
  },
  {
    language: 'go',
    file: 'orders/orders.go',
    header: 'package orders\n\nimport (\n\t"fmt"\n\n\t"example.com/shop/notify"\n)',
    parts: [
      { name: 'Validate', text: GO_VALIDATE },
      { name: 'GroupByCustomer', text: GO_GROUP },
      { name: 'ProcessOrders', text: GO_PROCESS },
      { name: '(Cart).Describe', text: GO_CART },
      { name: '(Invoice).Describe', text: GO_INVOICE },
    ],
    edit: { from: 'if order.Total > 0 {', to: 'if order.Total > 0 && !order.Cancelled {' },
    edit2: { from: '\t}\n\treturn groups\n}', to: '\t}\n\tlog.Printf("grouped %d", len(groups))\n\treturn groups\n}' },
    newSignature: { from: 'func ProcessOrders(orders []Order) []Order {\n\tvalid := Validate(orders)', to: 'func ProcessOrders(orders []Order, quiet bool) []Order {\n\tvalid := Validate(orders)\n\tif quiet {\n\t\treturn valid\n\t}' },
    summary: 'func Summary(orders []Order) string {\n\tvalid := Validate(orders)\n\tgroups := GroupByCustomer(valid)\n\tProcessOrders(orders)\n\treturn fmt.Sprintf("%d orders, %d customers", len(valid), len(groups))\n}',
    helper: 'func TotalOf(orders []Order) int {\n\ttotal := 0\n\tfor _, order := range orders {\n\t\ttotal += order.Total\n\t}\n\treturn total\n}',
    usage: 'valid := orders.ProcessOrders(load("today"))\nfmt.Println(len(valid))',
    placeholder: {
      snippet: 'func ProcessOrders(orders []Order) []Order {\n\t// ...\n\tfmt.Println(valid)\n\treturn valid\n}',
      from: '\tnotify.Send(groups)\n\treturn valid',
      to: '\tnotify.Send(groups)\n\tfmt.Println(valid)\n\treturn valid',
    },
    typePlaceholder: {
      snippet: '// ... existing code ...\n\nfunc (c Cart) IsEmpty() bool {\n\treturn len(c.Items) == 0\n}',
      from: 'len(c.Items))\n}',
      to: 'len(c.Items))\n}\n\nfunc (c Cart) IsEmpty() bool {\n\treturn len(c.Items) == 0\n}',
    },
    duplicate: { snippet: 'func (i Invoice) Describe() string {\n\treturn fmt.Sprintf("invoice #%s", i.ID)\n}', from: '"invoice %s"', to: '"invoice #%s"' },
    ambiguous: { from: '\treturn valid', to: '\treturn append([]Order(nil), valid...)' },
    second: { file: 'notify/notify.go', text: 'package notify\n\nimport "fmt"\n\nfunc Send[T any](groups map[string]T) {\n\tfor customer := range groups {\n\t\tfmt.Println("notify", customer)\n\t}\n}\n', from: 'fmt.Println("notify", customer)', to: 'fmt.Printf("notify %s\\n", customer)' },
    newFile: { file: 'orders/orders_test.go', text: 'package orders\n\nimport "testing"\n\nfunc TestValidateEmpty(t *testing.T) {\n\tif len(Validate(nil)) != 0 {\n\t\tt.Fatal("want none")\n\t}\n}\n' },
  },
  {
    language: 'rust',
    file: 'src/orders.rs',
    header: 'use std::collections::HashMap;\n\nuse crate::notify::notify;',
    parts: [
      { name: 'validate', text: RS_VALIDATE },
      { name: 'group_by_customer', text: RS_GROUP },
      { name: 'process_orders', text: RS_PROCESS },
      { name: 'impl Describe for Cart', text: RS_CART, children: [{ name: 'describe', text: RS_CART_DESCRIBE }] },
      { name: 'impl Describe for Invoice', text: RS_INVOICE, children: [{ name: 'describe', text: RS_INVOICE_DESCRIBE }] },
    ],
    edit: { from: '.filter(|order| order.total > 0)', to: '.filter(|order| order.total > 0 && !order.cancelled)' },
    edit2: { from: '    }\n    groups\n}', to: '    }\n    log::debug!("grouped {}", groups.len());\n    groups\n}' },
    newSignature: { from: 'pub fn process_orders(orders: Vec<Order>) -> Vec<Order> {\n    let valid = validate(orders);', to: 'pub fn process_orders(orders: Vec<Order>, quiet: bool) -> Vec<Order> {\n    let valid = validate(orders);\n    if quiet {\n        return valid;\n    }' },
    summary: 'pub fn summary(orders: Vec<Order>) -> String {\n    let valid = validate(orders.clone());\n    let groups = group_by_customer(&valid);\n    process_orders(orders);\n    format!("{} orders, {} customers", valid.len(), groups.len())\n}',
    helper: 'pub fn total_of(orders: &[Order]) -> u64 {\n    orders.iter().map(|order| order.total).sum()\n}',
    usage: 'let valid = process_orders(load("today"));\nprintln!("{}", valid.len());',
    placeholder: {
      snippet: 'pub fn process_orders(orders: Vec<Order>) -> Vec<Order> {\n    /* ... */\n    println!("{:?}", valid);\n    valid\n}',
      from: '    notify(&groups);\n    valid',
      to: '    notify(&groups);\n    println!("{:?}", valid);\n    valid',
    },
    typePlaceholder: {
      snippet: 'impl Describe for Cart {\n    // ... existing methods ...\n\n    fn is_empty(&self) -> bool {\n        self.items.is_empty()\n    }\n}',
      from: 'self.items.len())\n    }\n}',
      to: 'self.items.len())\n    }\n\n    fn is_empty(&self) -> bool {\n        self.items.is_empty()\n    }\n}',
    },
    duplicate: { snippet: 'fn describe(&self) -> String {\n    format!("invoice #{}", self.id)\n}', from: 'format!("invoice {}", self.id)', to: 'format!("invoice #{}", self.id)' },
    ambiguous: { from: '    }\n}', to: '    }\n}\n' },
    second: { file: 'src/notify.rs', text: 'pub fn notify<T>(groups: &std::collections::HashMap<String, T>) {\n    for customer in groups.keys() {\n        println!("notify {customer}");\n    }\n}\n', from: 'println!("notify {customer}");', to: 'log::info!("notify {customer}");' },
    newFile: { file: 'tests/orders.rs', text: 'use shop::orders::validate;\n\n#[test]\nfn drops_empty_orders() {\n    assert!(validate(vec![]).is_empty());\n}\n' },
  },
  {
    language: 'java',
    file: 'src/main/java/shop/Orders.java',
    header: 'package shop;\n\nimport java.util.List;\nimport java.util.Map;\nimport java.util.stream.Collectors;',
    parts: [
      {
        name: 'Orders',
        text: JAVA_CLASS,
        children: [
          { name: 'validate(List<Order>)', text: JAVA_VALIDATE },
          { name: 'groupByCustomer(List<Order>)', text: JAVA_GROUP },
          { name: 'processOrders(List<Order>)', text: JAVA_PROCESS },
          { name: 'Cart', text: JAVA_CART, children: [{ name: 'describe()', text: JAVA_CART_DESCRIBE }] },
          { name: 'Invoice', text: JAVA_INVOICE, children: [{ name: 'describe()', text: JAVA_INVOICE_DESCRIBE }] },
        ],
      },
    ],
    edit: { from: 'filter(order -> order.total() > 0)', to: 'filter(order -> order.total() > 0 && !order.cancelled())' },
    edit2: { from: 'Collectors.groupingBy(Order::customer));', to: 'Collectors.groupingBy(Order::customer, Collectors.toList()));' },
    newSignature: { from: 'static List<Order> processOrders(List<Order> orders) {\n        List<Order> valid = validate(orders);', to: 'static List<Order> processOrders(List<Order> orders, boolean quiet) {\n        List<Order> valid = validate(orders);\n        if (quiet) return valid;' },
    summary: 'static String summary(List<Order> orders) {\n    List<Order> valid = validate(orders);\n    Map<String, List<Order>> groups = groupByCustomer(valid);\n    processOrders(orders);\n    return valid.size() + " orders, " + groups.size() + " customers";\n}',
    helper: 'static int totalOf(List<Order> orders) {\n    return orders.stream().mapToInt(Order::total).sum();\n}',
    // A new method belongs inside the class, before its closing brace, indented as its members.
    addFunction: (text, code) => {
      const close = text.lastIndexOf('}');
      const body = code.split('\n').map((line) => (line === '' ? line : `    ${line}`)).join('\n');
      return `${text.slice(0, close).trimEnd()}\n\n${body}\n}\n`;
    },
    usage: 'List<Order> valid = Orders.processOrders(load("today"));\nSystem.out.println(valid.size());',
    placeholder: {
      snippet: 'static List<Order> processOrders(List<Order> orders) {\n    // ... existing code ...\n    System.out.println(valid);\n    return valid;\n}',
      from: '        Notifier.send(groups);\n        return valid;',
      to: '        Notifier.send(groups);\n        System.out.println(valid);\n        return valid;',
    },
    typePlaceholder: {
      snippet: 'record Cart(List<Order> items) {\n    // ... existing code ...\n\n    boolean isEmpty() {\n        return items.isEmpty();\n    }\n}',
      from: '"cart of " + items.size();\n        }\n    }',
      to: '"cart of " + items.size();\n        }\n\n        boolean isEmpty() {\n            return items.isEmpty();\n        }\n    }',
    },
    duplicate: { snippet: 'String describe() {\n    return "invoice #" + id;\n}', from: 'return "invoice " + id;', to: 'return "invoice #" + id;' },
    ambiguous: { from: '        String describe() {', to: '        public String describe() {' },
    second: { file: 'src/main/java/shop/Notifier.java', text: 'package shop;\n\nfinal class Notifier {\n    static void send(Object groups) {\n        System.out.println("notify " + groups);\n    }\n}\n', from: 'System.out.println("notify " + groups);', to: 'System.err.println("notify " + groups);' },
    newFile: { file: 'src/test/java/shop/OrdersTest.java', text: 'package shop;\n\nclass OrdersTest {\n    @org.junit.jupiter.api.Test\n    void dropsEmptyOrders() {\n        assert Orders.validate(List.of()).isEmpty();\n    }\n}\n' },
  },
];
