namespace SageMakerMonitoring.Core.Events
{
    /// <summary><c>{"cidr": "10.0.0.0/24"}</c> (IPv4 or IPv6): a string value holding an IP address inside the block.</summary>
    internal sealed class CidrMatcher : ValueMatcher
    {
        private readonly IpNetwork _network;

        public CidrMatcher(IpNetwork network, string description) : base(description)
        {
            _network = network;
        }

        public override bool Matches(ref LeafValue value) => value.IsString && _network.Contains(value.Text);
    }
}
