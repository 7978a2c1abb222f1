namespace QuantDesk.Client.Tests.Models;

public sealed class OrderbookTests
{
    [Test]
    public void The_best_bid_is_the_highest_and_the_best_ask_the_lowest_whatever_the_order_of_the_levels()
    {
        var book = QuantDeskModelFactory.Orderbook(
            bids: [(99.5m, 1m), (100.25m, 2m), (98m, 5m)],
            asks: [(102m, 1m), (100.75m, 3m), (101m, 2m)]);

        Assert.Multiple(() =>
        {
            Assert.That(book.BestBid?.Price, Is.EqualTo(100.25m));
            Assert.That(book.BestBid?.Size, Is.EqualTo(2m));
            Assert.That(book.BestAsk?.Price, Is.EqualTo(100.75m));
            Assert.That(book.Spread, Is.EqualTo(0.5m));
            Assert.That(book.Mid, Is.EqualTo(100.5m));
        });
    }

    [Test]
    public void Levels_without_a_price_or_a_positive_size_and_null_levels_are_ignored()
    {
        var book = new Orderbook
        {
            Bids = [null!, new() { Price = 105m, Size = 0m }, new() { Price = null, Size = 4m }, new() { Price = 104m, Size = null }, new() { Price = 103m, Size = -1m }, new() { Price = 100m, Size = 1m }],
            Asks = [new() { Price = 0m, Size = 9m }, new() { Price = -1m, Size = 9m }, new() { Price = 101m, Size = 0m }, new() { Price = 102m, Size = 2m }],
        };

        Assert.Multiple(() =>
        {
            Assert.That(book.BestBid?.Price, Is.EqualTo(100m));
            Assert.That(book.BestAsk?.Price, Is.EqualTo(102m));
            Assert.That(book.Spread, Is.EqualTo(2m));
            Assert.That(book.EstimateFill(OrderSide.Sell, 10m).FilledSize, Is.EqualTo(1m));
        });
    }

    [Test]
    public void An_empty_side_has_no_best_price_spread_or_mid()
    {
        var onlyBids = QuantDeskModelFactory.Orderbook(bids: [(100m, 1m)], asks: []);
        var nullSides = new Orderbook();

        Assert.Multiple(() =>
        {
            Assert.That((onlyBids.BestBid?.Price, onlyBids.BestAsk, onlyBids.Spread, onlyBids.Mid), Is.EqualTo(((decimal?)100m, (OrderbookLevel?)null, (decimal?)null, (decimal?)null)));
            Assert.That((nullSides.BestBid, nullSides.BestAsk, nullSides.Spread, nullSides.Mid), Is.EqualTo(((OrderbookLevel?)null, (OrderbookLevel?)null, (decimal?)null, (decimal?)null)));
        });
    }

    [Test]
    public void A_crossed_book_has_a_negative_spread_and_a_mid_between_the_two()
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [(101m, 1m)], asks: [(100m, 1m)]);

        Assert.That((book.Spread, book.Mid), Is.EqualTo(((decimal?)-1m, (decimal?)100.5m)));
    }

    [Test]
    public void A_buy_walks_the_asks_from_the_lowest_price_up_across_several_levels()
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [(99m, 100m)], asks: [(102m, 5m), (100m, 1m), (101m, 2m)]);

        var fill = book.EstimateFill(OrderSide.Buy, 4m);

        // 1 @ 100 + 2 @ 101 + 1 @ 102 = 404.
        Assert.Multiple(() =>
        {
            Assert.That(fill.Side, Is.EqualTo(OrderSide.Buy));
            Assert.That((fill.RequestedSize, fill.FilledSize, fill.UnfilledSize, fill.IsComplete), Is.EqualTo((4m, 4m, 0m, true)));
            Assert.That(fill.Notional, Is.EqualTo(404m));
            Assert.That(fill.AveragePrice, Is.EqualTo(101m));
            Assert.That(fill.WorstPrice, Is.EqualTo(102m));
            Assert.That(fill.LevelsUsed, Is.EqualTo(3));
        });
    }

    [Test]
    public void A_sell_walks_the_bids_from_the_highest_price_down_and_stops_at_the_level_that_completes_it()
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [(98m, 10m), (100m, 1.5m), (99m, 1m), (97m, 50m)], asks: [(101m, 1m)]);

        var fill = book.EstimateFill(OrderSide.Sell, 2.5m);

        // 1.5 @ 100 + 1 @ 99 = 249: the 98 level is not reached.
        Assert.Multiple(() =>
        {
            Assert.That((fill.FilledSize, fill.Notional, fill.AveragePrice, fill.WorstPrice, fill.LevelsUsed), Is.EqualTo((2.5m, 249m, (decimal?)99.6m, (decimal?)99m, 2)));
            Assert.That(fill.IsComplete, Is.True);
        });
    }

    [Test]
    public void A_side_spelled_in_another_case_is_still_that_side()
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [(99m, 1m)], asks: [(100m, 1m)]);

        Assert.That(book.EstimateFill(new OrderSide("SELL"), 1m).WorstPrice, Is.EqualTo(99m));
    }

    [Test]
    public void A_book_too_thin_for_the_order_is_incomplete_and_averages_what_it_holds_exactly()
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [], asks: [(100m, 1m), (100.01m, 1m), (100.03m, 1m)]);

        var fill = book.EstimateFill(OrderSide.Buy, 5m);

        Assert.Multiple(() =>
        {
            Assert.That(fill.IsComplete, Is.False);
            Assert.That((fill.FilledSize, fill.UnfilledSize, fill.LevelsUsed), Is.EqualTo((3m, 2m, 3)));
            Assert.That(fill.Notional, Is.EqualTo(300.04m));

            // 300.04 / 3 in decimal arithmetic, not a double's nearest value.
            Assert.That(fill.AveragePrice, Is.EqualTo(100.01333333333333333333333333m));
            Assert.That(fill.WorstPrice, Is.EqualTo(100.03m));
        });
    }

    [Test]
    public void An_empty_side_fills_nothing_and_has_no_average_or_worst_price()
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [(99m, 1m)], asks: []);

        var fill = book.EstimateFill(OrderSide.Buy, 1m);

        Assert.That((fill.FilledSize, fill.AveragePrice, fill.WorstPrice, fill.Notional, fill.LevelsUsed, fill.IsComplete), Is.EqualTo((0m, (decimal?)null, (decimal?)null, 0m, 0, false)));
    }

    [TestCase(0)]
    [TestCase(-0.0001)]
    [TestCase(-5)]
    public void A_size_that_is_not_positive_is_refused(decimal size)
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [(99m, 1m)], asks: [(100m, 1m)]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => book.EstimateFill(OrderSide.Buy, size));

        Assert.That(error!.ParamName, Is.EqualTo("size"));
    }

    [TestCase("")]
    [TestCase("hold")]
    [TestCase("buy ")]
    public void A_side_that_is_neither_buy_nor_sell_is_refused(string side)
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [(99m, 1m)], asks: [(100m, 1m)]);

        var error = Assert.Throws<ArgumentException>(() => book.EstimateFill(new OrderSide(side), 1m));

        Assert.That(error!.ParamName, Is.EqualTo("side"));
    }

    [Test]
    public void The_default_side_is_refused()
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [(99m, 1m)], asks: [(100m, 1m)]);

        Assert.Throws<ArgumentException>(() => book.EstimateFill(default, 1m));
    }

    [Test]
    public void The_mid_of_prices_near_the_top_of_the_decimal_range_does_not_overflow()
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [(5e28m, 1m)], asks: [(6e28m, 1m)]);

        Assert.That(book.Mid, Is.EqualTo(5.5e28m));
    }

    [Test]
    public void A_notional_beyond_the_decimal_range_is_the_documented_overflow()
    {
        var book = QuantDeskModelFactory.Orderbook(bids: [], asks: [(1e15m, 1e15m)]);

        Assert.Throws<OverflowException>(() => book.EstimateFill(OrderSide.Buy, 1e14m));
    }
}
