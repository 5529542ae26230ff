package shop.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public class OrderService {
    private final List<Order> orders = new ArrayList<>();
    private final PriceCalculator calculator;

    public OrderService(PriceCalculator calculator) {
        this.calculator = calculator;
    }

    public Order place(String customer, List<LineItem> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one item");
        }
        double total = calculator.total(items);
        Order order = new Order(orders.size() + 1, customer, items, total);
        orders.add(order);
        return order;
    }

    public Optional<Order> find(int id) {
        for (Order order : orders) {
            if (order.getId() == id) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    public List<Order> byCustomer(String customer) {
        List<Order> result = new ArrayList<>();
        for (Order order : orders) {
            if (order.getCustomer().equals(customer)) {
                result.add(order);
            }
        }
        return result;
    }

    public double revenue() {
        double sum = 0;
        for (Order order : orders) {
            sum += order.getTotal();
        }
        return sum;
    }
}
